// labels.mjs - the viewer's drawn node labels as a reader sees them, from
// Cytoscape's rendered bounding boxes; shared by viewer.test.mjs and
// first-draw.mjs. labelBoxes runs in the page (page.evaluate).

// Every label drawn (any element whose computed label is not empty), with
// its box on screen, font size in px and text. Not the page's own idea of
// which labels it chose: what Cytoscape draws.
export function labelBoxes() {
  /* global kgViewer */
  const cy = kgViewer.cy;
  return cy.elements().filter((n) => n.style('display') !== 'none' && n.style('label') !== '').map((n) => {
    const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true,
      includeOverlays: false, includeUnderlays: false });
    return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2,
      px: parseFloat(n.renderedStyle('font-size')), text: n.style('label') };
  });
}

export function overlapping(boxes) {
  const hits = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) hits.push(`${a.id}/${b.id}`);
    }
  }
  return hits;
}


// The labels on screen: boxes at least partly inside the drawing.
export function onScreen(boxes, width, height) {
  return boxes.filter((b) => b.x2 > 0 && b.y2 > 0 && b.x1 < width && b.y1 < height);
}
