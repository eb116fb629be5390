/* cli_signals.c - a run stopped by Ctrl-C, kill, a closed terminal or a
 * reader that left leaves no temporary file behind: the handler unlinks
 * every uncommitted output's temporary (async-signal-safe, see
 * kg_writer_remove_temporaries) and the signal then ends the process as
 * it would have, so the parent sees the same status. Outputs already
 * renamed into place are complete; the others were never replaced. */
#include "cli.h"

#include <signal.h>
#include <stddef.h>

static void on_signal(int sig)
{
    kg_writer_remove_temporaries();
    /* back to the default action (signal is async-signal-safe); the
     * signal stays blocked until this returns, and then ends the process */
    signal(sig, SIG_DFL);
    raise(sig);
}

void kg_cli_catch_signals(void)
{
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction old;
        /* a signal ignored when kg started (nohup, a background job's
         * SIGINT) stays ignored */
        if (sigaction(signals[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue;
        struct sigaction sa = {.sa_handler = on_signal};
        sigemptyset(&sa.sa_mask);
        sigaction(signals[i], &sa, NULL);
    }
}
