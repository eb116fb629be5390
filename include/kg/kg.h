/* kg/kg.h - the whole public API of libkg in one include. */
#ifndef KG_KG_H
#define KG_KG_H

#include "kg/version.h"
#include "kg/error.h"
#include "kg/file.h"
#include "kg/text.h"
#include "kg/schema.h"
#include "kg/graph.h"
#include "kg/dataset.h"
#include "kg/writer.h"
#include "kg/export.h"
#include "kg/stats.h"
#include "kg/verify.h"
#include "kg/analysis.h"
#include "kg/diagram.h"
#include "kg/view.h"
#include "kg/draw.h"
#include "kg/resolve.h"
#include "kg/import.h"
#include "kg/ingest.h"

#endif
#include "kg/extract.h"
