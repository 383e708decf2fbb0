import Foundation
import Synchronization

/// Ctrl-C during a batch: the first one asks the run to stop after the projects in hand (the output files are
/// then closed properly); a second one ends the process at once.
enum Interrupt {
    private static let requested = Atomic<Bool>(false)

    static var isRequested: Bool { requested.load(ordering: .relaxed) }

    static func install() {
        // A parent may have started us with SIGINT blocked (a blocked mask survives exec); take it back.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        signal(SIGINT) { _ in
            Interrupt.requested.store(true, ordering: .relaxed)
            signal(SIGINT, SIG_DFL)
        }
    }
}
