// Drives headless Chromium over the DevTools protocol on a pipe (`--remote-debugging-pipe`): no
// websocket, no dependencies. Linux only (posix_spawn details, /proc); elsewhere a stand-in whose
// executable() is nil, so browser tests skip instead of breaking the build.

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a `HeadlessChromium` operation failed; every case names the command or condition involved.
enum HeadlessChromiumError: Error, CustomStringConvertible {
    case launchFailed(String)
    case timedOut(command: String, seconds: Double)
    case browserExited(command: String, status: String)
    case protocolError(command: String, message: String)
    case javaScriptException(expression: String, message: String)
    case navigationFailed(url: String, reason: String)
    case conditionNotMet(condition: String, seconds: Double, lastError: String?, bodyText: String)
    case elementNotFound(selector: String)
    case fileNotFound(path: String)
    case pageGone(command: String, reason: String)
    case io(command: String, operation: String, errno: Int32)
    case closed(command: String)

    var description: String {
        switch self {
        case .launchFailed(let reason):
            return "HeadlessChromium: could not launch the browser: \(reason)"
        case .timedOut(let command, let seconds):
            return "HeadlessChromium: \(command): no answer within \(seconds) s"
        case .browserExited(let command, let status):
            return "HeadlessChromium: \(command): the browser is gone (\(status))"
        case .protocolError(let command, let message):
            return "HeadlessChromium: \(command): protocol error: \(message)"
        case .javaScriptException(let expression, let message):
            return "HeadlessChromium: evaluating `\(expression)` threw: \(message)"
        case .navigationFailed(let url, let reason):
            return "HeadlessChromium: navigation to \(url) failed: \(reason)"
        case .conditionNotMet(let condition, let seconds, let lastError, let bodyText):
            let error = lastError.map { "\nlast evaluation error: \($0)" } ?? ""
            return "HeadlessChromium: condition `\(condition)` still false after \(seconds) s\(error)\n"
                + "document.body.innerText:\n\(bodyText)"
        case .elementNotFound(let selector):
            return "HeadlessChromium: no element matches `\(selector)`"
        case .fileNotFound(let path):
            return "HeadlessChromium: no such file: \(path)"
        case .pageGone(let command, let reason):
            return "HeadlessChromium: \(command): the page target \(reason)"
        case .io(let command, let operation, let code):
            return "HeadlessChromium: \(command): \(operation) failed: \(String(cString: strerror(code)))"
        case .closed(let command):
            return "HeadlessChromium: \(command): the browser was already closed"
        }
    }
}

#if canImport(Glibc)

    /// Headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4).
    /// Not thread-safe: meant to be owned by a single test.
    final class HeadlessChromium {
        /// The executable on PATH (chromium, chromium-browser, google-chrome), or nil: the caller skips with a message.
        static func executable() -> String? {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
            for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
                for directory in path.split(separator: ":") where !directory.isEmpty {
                    let candidate = "\(directory)/\(name)"
                    var isDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
                        !isDirectory.boolValue, access(candidate, X_OK) == 0
                    {
                        return candidate
                    }
                }
            }
            return nil
        }

        /// The fresh profile directory (also useful to find the browser's processes: `pgrep -f user-data-dir=<this>`).
        let userDataDirectory: String
        /// Process id of the browser; it is also the id of the process group holding all its children.
        let processID: pid_t

        /// Every Network.requestWillBeSent request.url of the page seen so far (incl. the navigation itself).
        private(set) var requestedURLs: [String] = []
        /// Uncaught exceptions, console.error calls and error-level log entries of the page.
        private(set) var consoleErrors: [String] = []

        private let commandFD: Int32  // we write commands here; the browser reads them on its fd 3
        private let eventFD: Int32  // we read replies/events here; the browser writes them on its fd 4
        private var nextID = 0
        private var sessionID: String?
        private var inbox: [UInt8] = []
        private var scannedUpTo = 0  // bytes of `inbox` already known to hold no NUL
        private var seenEvents: Set<String> = []
        private var exitStatus: Int32?
        private var pageGoneReason: String?
        private var isClosed = false

        init(executable: String, windowWidth: Int = 1400, windowHeight: Int = 900) throws {
            // A dead browser must surface as EPIPE from write(2), not kill the test process.
            signal(SIGPIPE, SIG_IGN)
            let directory = try Self.makeTemporaryDirectory()
            let arguments = [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--remote-debugging-pipe",
                "--user-data-dir=\(directory)",
                "--window-size=\(windowWidth),\(windowHeight)",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--metrics-recording-only",
                "--mute-audio",
                "about:blank",
            ]
            let launched: (pid: pid_t, commandFD: Int32, eventFD: Int32)
            do {
                launched = try Self.spawn(executable, arguments: arguments)
            } catch {
                try? FileManager.default.removeItem(atPath: directory)
                throw error
            }
            userDataDirectory = directory
            processID = launched.pid
            commandFD = launched.commandFD
            eventFD = launched.eventFD

            do {
                // A cold start can be slow on a loaded CI machine, hence the generous first timeout.
                let target = try send("Target.createTarget", ["url": "about:blank"], browserLevel: true, timeout: 30)
                guard let targetID = target["targetId"] as? String else {
                    throw HeadlessChromiumError.protocolError(command: "Target.createTarget", message: "no targetId in \(target)")
                }
                let attached = try send(
                    "Target.attachToTarget", ["targetId": targetID, "flatten": true], browserLevel: true, timeout: 60)
                guard let session = attached["sessionId"] as? String else {
                    throw HeadlessChromiumError.protocolError(command: "Target.attachToTarget", message: "no sessionId in \(attached)")
                }
                sessionID = session
                for domain in ["Page", "Runtime", "Network", "Log"] {
                    try send("\(domain).enable", timeout: 60)
                }
            } catch {
                close()
                throw error
            }
        }

        deinit {
            close()
        }

        // MARK: - Page API

        /// Page.navigate, then waits for a Page.loadEventFired that arrives after the command was sent.
        func navigate(to url: String, timeout: Double = 60) throws {
            let deadline = Deadline(timeout)
            seenEvents.remove("Page.loadEventFired")
            let result = try send("Page.navigate", ["url": url], deadline: deadline, label: "Page.navigate \(url)")
            if let errorText = result["errorText"] as? String, !errorText.isEmpty {
                throw HeadlessChromiumError.navigationFailed(url: url, reason: errorText)
            }
            // Same-document navigations (fragment changes) have no loader and fire no load event.
            guard result["loaderId"] != nil else { return }
            try waitForEvent("Page.loadEventFired", deadline: deadline, label: "Page.navigate \(url) (waiting for the load event)")
        }

        /// Runtime.evaluate with returnByValue and awaitPromise; JS `undefined`/`null` come back as nil.
        func evaluate(_ expression: String, timeout: Double = 60) throws -> Any? {
            let label = "Runtime.evaluate `\(Self.abbreviate(expression))`"
            let result = try send(
                "Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true],
                deadline: Deadline(timeout), label: label)
            if let details = result["exceptionDetails"] as? [String: Any] {
                throw HeadlessChromiumError.javaScriptException(
                    expression: Self.abbreviate(expression), message: Self.exceptionText(details))
            }
            guard let remote = result["result"] as? [String: Any], let value = remote["value"], !(value is NSNull) else {
                return nil
            }
            return value
        }

        /// Polls a JS boolean expression (a promise is awaited) every 100 ms, pumping events meanwhile.
        /// JS exceptions count as "not yet"; the last one is reported on timeout.
        func waitFor(_ condition: String, timeout: Double = 60) throws {
            let deadline = Deadline(timeout)
            let expression = "(async () => !!(await (\n\(condition)\n)))()"
            var lastError: String?
            while true {
                do {
                    let value = try evaluate(expression, timeout: max(deadline.remaining, 0.5))
                    if (value as? Bool) == true { return }
                    lastError = nil
                } catch HeadlessChromiumError.javaScriptException(_, let message) {
                    lastError = message
                } catch HeadlessChromiumError.timedOut {
                    lastError = "the evaluation itself did not finish in time"
                    break
                }
                if deadline.remaining <= 0 { break }
                try pumpEvents(until: Deadline(min(0.1, deadline.remaining)))
            }
            let bodyScript = "document.body ? document.body.innerText.slice(0, 2000) : '(no document.body)'"
            let bodyText = ((try? evaluate(bodyScript, timeout: 3)) as? String) ?? "(unavailable)"
            throw HeadlessChromiumError.conditionNotMet(
                condition: condition, seconds: timeout, lastError: lastError, bodyText: bodyText)
        }

        /// Puts files into an `<input type=file>`; Chromium fires its input and change events.
        func setFileInput(selector: String, files: [String]) throws {
            let paths = try files.map { file -> String in
                let path = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
                guard FileManager.default.fileExists(atPath: path) else {
                    throw HeadlessChromiumError.fileNotFound(path: path)
                }
                return path
            }
            let document = try send("DOM.getDocument", ["depth": 0], timeout: 60)
            guard let root = document["root"] as? [String: Any], let rootID = root["nodeId"] as? Int else {
                throw HeadlessChromiumError.protocolError(command: "DOM.getDocument", message: "no root nodeId")
            }
            let found = try send("DOM.querySelector", ["nodeId": rootID, "selector": selector], timeout: 60)
            guard let nodeID = found["nodeId"] as? Int, nodeID != 0 else {
                throw HeadlessChromiumError.elementNotFound(selector: selector)
            }
            try send("DOM.setFileInputFiles", ["files": paths, "nodeId": nodeID], timeout: 60)
        }

        /// A real mouse click (press and release, Input.dispatchMouseEvent) at a point of the viewport in CSS pixels;
        /// `count` 2 is the second click of a double click.
        func click(x: Double, y: Double, count: Int = 1) throws {
            for type in ["mousePressed", "mouseReleased"] {
                try send(
                    "Input.dispatchMouseEvent",
                    ["type": type, "x": x, "y": y, "button": "left", "buttons": type == "mousePressed" ? 1 : 0, "clickCount": count],
                    timeout: 60)
            }
        }

        /// Page.captureScreenshot as PNG bytes.
        func screenshot() throws -> [UInt8] {
            let result = try send("Page.captureScreenshot", ["format": "png"], timeout: 60)
            guard let base64 = result["data"] as? String, let data = Data(base64Encoded: base64) else {
                throw HeadlessChromiumError.protocolError(command: "Page.captureScreenshot", message: "no image data")
            }
            return [UInt8](data)
        }

        /// Browser.close, SIGKILL if it has not exited within 5 s, reap it, sweep its process group,
        /// remove the profile. Idempotent; also called from deinit.
        func close() {
            guard !isClosed else { return }
            let deadline = Deadline(5)
            if reapIfExited() == nil {
                _ = try? send("Browser.close", browserLevel: true, deadline: Deadline(2), label: "Browser.close")
            }
            isClosed = true
            while reapIfExited() == nil && deadline.remaining > 0 {
                usleep(20_000)
            }
            if exitStatus == nil {
                kill(processID, SIGKILL)
                var status: Int32 = 0
                while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
                exitStatus = status
            }
            // Children (zygote, renderers, utilities) share the browser's process group. They would
            // follow it within a second or so, but the profile is deleted anyway, so kill them now and
            // wait until none is left running (zombies may linger until init gets round to them).
            let grace = Deadline(2)
            while kill(-processID, SIGKILL) == 0 && Self.hasLiveProcess(inGroup: processID) && grace.remaining > 0 {
                usleep(5_000)
            }
            Glibc.close(commandFD)
            Glibc.close(eventFD)
            try? FileManager.default.removeItem(atPath: userDataDirectory)
        }

        // MARK: - Protocol plumbing

        private struct Deadline {
            let seconds: Double
            let end: Double
            init(_ seconds: Double) {
                self.seconds = seconds
                end = HeadlessChromium.monotonicSeconds() + seconds
            }
            var remaining: Double { end - HeadlessChromium.monotonicSeconds() }
        }

        @discardableResult
        private func send(
            _ method: String, _ params: [String: Any] = [:], browserLevel: Bool = false, timeout: Double
        ) throws -> [String: Any] {
            try send(method, params, browserLevel: browserLevel, deadline: Deadline(timeout), label: method)
        }

        /// Sends one command and reads until its response, dispatching the events that arrive meanwhile.
        @discardableResult
        private func send(
            _ method: String, _ params: [String: Any] = [:], browserLevel: Bool = false, deadline: Deadline,
            label: String
        ) throws -> [String: Any] {
            guard !isClosed else { throw HeadlessChromiumError.closed(command: label) }
            if let status = exitStatus ?? reapIfExited() {
                throw HeadlessChromiumError.browserExited(command: label, status: Self.describe(status: status))
            }
            if !browserLevel, let reason = pageGoneReason {
                throw HeadlessChromiumError.pageGone(command: label, reason: reason)
            }
            nextID += 1
            let id = nextID
            var message: [String: Any] = ["id": id, "method": method, "params": params]
            if !browserLevel, let sessionID {
                message["sessionId"] = sessionID
            }
            guard JSONSerialization.isValidJSONObject(message),
                let data = try? JSONSerialization.data(withJSONObject: message)
            else {
                throw HeadlessChromiumError.protocolError(command: label, message: "parameters are not valid JSON")
            }
            try writeAll([UInt8](data) + [0], deadline: deadline, label: label)
            while true {
                guard let reply = try nextMessage(deadline: deadline, label: label) else {
                    throw HeadlessChromiumError.timedOut(command: label, seconds: deadline.seconds)
                }
                if let replyID = reply["id"] as? Int {
                    // Other ids are late answers to commands that already timed out.
                    guard replyID == id else { continue }
                    if let error = reply["error"] as? [String: Any] {
                        let text = [error["message"], error["data"]].compactMap { $0.map { "\($0)" } }.joined(separator: ": ")
                        throw HeadlessChromiumError.protocolError(command: label, message: text)
                    }
                    return reply["result"] as? [String: Any] ?? [:]
                }
                dispatch(reply)
                if !browserLevel, let reason = pageGoneReason {
                    throw HeadlessChromiumError.pageGone(command: label, reason: reason)
                }
            }
        }

        private func waitForEvent(_ name: String, deadline: Deadline, label: String) throws {
            while !seenEvents.contains(name) {
                guard let message = try nextMessage(deadline: deadline, label: label) else {
                    throw HeadlessChromiumError.timedOut(command: label, seconds: deadline.seconds)
                }
                dispatch(message)
                if let reason = pageGoneReason {
                    throw HeadlessChromiumError.pageGone(command: label, reason: reason)
                }
            }
        }

        /// Reads and records events until the deadline; keeps the pipe drained between polls.
        private func pumpEvents(until deadline: Deadline) throws {
            while let message = try nextMessage(deadline: deadline, label: "reading events") {
                dispatch(message)
            }
        }

        private func dispatch(_ message: [String: Any]) {
            guard let method = message["method"] as? String else { return }
            let params = message["params"] as? [String: Any] ?? [:]
            guard let sessionID else { return }
            // Browser-level event: our page target went away (closed or crashed).
            if method == "Target.detachedFromTarget", params["sessionId"] as? String == sessionID {
                pageGoneReason = "was detached"
            }
            // Only the page's own events count: requests of the browser itself are not the page's doing.
            guard message["sessionId"] as? String == sessionID else { return }
            seenEvents.insert(method)
            switch method {
            case "Network.requestWillBeSent":
                if let request = params["request"] as? [String: Any], let url = request["url"] as? String {
                    requestedURLs.append(url)
                }
            case "Runtime.exceptionThrown":
                if let details = params["exceptionDetails"] as? [String: Any] {
                    consoleErrors.append(Self.exceptionText(details))
                }
            case "Runtime.consoleAPICalled":
                if let type = params["type"] as? String, type == "error" || type == "assert" {
                    let arguments = params["args"] as? [[String: Any]] ?? []
                    consoleErrors.append(arguments.map(Self.remoteObjectText).joined(separator: " "))
                }
            case "Log.entryAdded":
                if let entry = params["entry"] as? [String: Any], entry["level"] as? String == "error" {
                    let text = entry["text"] as? String ?? "(no text)"
                    let url = entry["url"] as? String
                    consoleErrors.append(url.map { "\(text) (\($0))" } ?? text)
                }
            case "Inspector.targetCrashed":
                pageGoneReason = "crashed"
            default:
                break
            }
        }

        /// The next complete message, or nil once the deadline has passed.
        private func nextMessage(deadline: Deadline, label: String) throws -> [String: Any]? {
            while true {
                if let message = try takeBufferedMessage(label: label) { return message }
                guard try fillInbox(deadline: deadline, label: label) else { return nil }
            }
        }

        private func takeBufferedMessage(label: String) throws -> [String: Any]? {
            guard let end = inbox[scannedUpTo...].firstIndex(of: 0) else {
                scannedUpTo = inbox.count
                return nil
            }
            let bytes = Data(inbox[..<end])
            inbox.removeSubrange(...end)
            scannedUpTo = 0
            guard let object = try? JSONSerialization.jsonObject(with: bytes), let message = object as? [String: Any] else {
                let preview = String(decoding: bytes.prefix(200), as: UTF8.self)
                throw HeadlessChromiumError.protocolError(command: label, message: "unreadable message: \(preview)")
            }
            return message
        }

        /// Appends whatever the browser has written; false on deadline. poll(2) wakes at least every
        /// 250 ms to notice a dead browser even if some other process still holds the pipe open.
        private func fillInbox(deadline: Deadline, label: String) throws -> Bool {
            while true {
                // Past the deadline we still take what is already there (poll with timeout 0).
                let remaining = deadline.remaining
                let milliseconds = remaining > 0 ? Int32((min(remaining, 0.25) * 1000).rounded(.up)) : 0
                var descriptor = pollfd(fd: eventFD, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, milliseconds)
                if ready < 0 {
                    if errno == EINTR { continue }
                    throw HeadlessChromiumError.io(command: label, operation: "poll", errno: errno)
                }
                if ready == 0 {
                    if let status = reapIfExited() {
                        throw HeadlessChromiumError.browserExited(command: label, status: Self.describe(status: status))
                    }
                    if remaining <= 0 { return false }
                    continue
                }
                let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 65536) { buffer -> Int in
                    let count = read(eventFD, buffer.baseAddress, buffer.count)
                    if count > 0 {
                        inbox.append(contentsOf: buffer[..<count])
                    }
                    return count
                }
                if count > 0 { return true }
                if count == 0 {
                    // EOF: the browser closed its end, which it only does when exiting.
                    throw HeadlessChromiumError.browserExited(command: label, status: describeExit(waitingUpTo: 2))
                }
                if errno == EINTR || errno == EAGAIN { continue }
                throw HeadlessChromiumError.io(command: label, operation: "read", errno: errno)
            }
        }

        private func writeAll(_ bytes: [UInt8], deadline: Deadline, label: String) throws {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Glibc.write(commandFD, $0.baseAddress, $0.count) }
                if written > 0 {
                    offset += written
                    continue
                }
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN {
                    // The browser is not draining the pipe; wait for room, but not past the deadline.
                    let remaining = deadline.remaining
                    if remaining <= 0 {
                        throw HeadlessChromiumError.timedOut(command: label + " (writing)", seconds: deadline.seconds)
                    }
                    var descriptor = pollfd(fd: commandFD, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&descriptor, 1, Int32((min(remaining, 0.25) * 1000).rounded(.up)))
                    if let status = reapIfExited() {
                        throw HeadlessChromiumError.browserExited(command: label, status: Self.describe(status: status))
                    }
                    continue
                }
                if code == EPIPE {
                    throw HeadlessChromiumError.browserExited(command: label, status: describeExit(waitingUpTo: 2))
                }
                throw HeadlessChromiumError.io(command: label, operation: "write", errno: code)
            }
        }

        // MARK: - Process handling

        /// Non-blocking waitpid; remembers the status so the child is reaped exactly once.
        @discardableResult
        private func reapIfExited() -> Int32? {
            if let exitStatus { return exitStatus }
            var status: Int32 = 0
            if waitpid(processID, &status, WNOHANG) == processID {
                exitStatus = status
            }
            return exitStatus
        }

        private func describeExit(waitingUpTo seconds: Double) -> String {
            let deadline = Deadline(seconds)
            while reapIfExited() == nil && deadline.remaining > 0 {
                usleep(10_000)
            }
            guard let status = exitStatus else { return "it closed the pipe but is still running" }
            return Self.describe(status: status)
        }

        /// Whether a process of the group is still running (not a zombie), per /proc/<pid>/stat.
        private static func hasLiveProcess(inGroup group: pid_t) -> Bool {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            for entry in entries where entry.first?.isNumber == true {
                guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                    let commandEnd = stat.lastIndex(of: ")")
                else { continue }
                // After "pid (comm)": state, ppid, pgrp, ...
                let fields = stat[stat.index(after: commandEnd)...].split(separator: " ")
                if fields.count > 2, fields[2] == "\(group)", fields[0] != "Z" { return true }
            }
            return false
        }

        private static func describe(status: Int32) -> String {
            let signal = status & 0x7f
            return signal == 0 ? "exited with status \((status >> 8) & 0xff)" : "killed by signal \(signal)"
        }

        private static func makeTemporaryDirectory() throws -> String {
            let base = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
            var template = Array((base + "headless-chromium-XXXXXX").utf8CString)
            let created = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
            guard created != nil else {
                throw HeadlessChromiumError.launchFailed("mkdtemp in \(base): \(String(cString: strerror(errno)))")
            }
            return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }

        /// Starts the browser with fd 3 = read end of the command pipe and fd 4 = write end of the
        /// event pipe, in its own process group so close() can sweep up its children.
        private static func spawn(
            _ executable: String, arguments: [String]
        ) throws -> (pid: pid_t, commandFD: Int32, eventFD: Int32) {
            var commandPipe: [Int32] = [-1, -1]
            var eventPipe: [Int32] = [-1, -1]
            guard pipe(&commandPipe) == 0 else {
                throw HeadlessChromiumError.launchFailed("pipe: \(String(cString: strerror(errno)))")
            }
            guard pipe(&eventPipe) == 0 else {
                let code = errno
                commandPipe.forEach { _ = Glibc.close($0) }
                throw HeadlessChromiumError.launchFailed("pipe: \(String(cString: strerror(code)))")
            }
            // Move all four ends to close-on-exec fds >= 10: browsers launched concurrently by other
            // tests must not inherit them (pipe2 is not visible from Swift), and dup2 onto 3 and 4
            // can then never clobber one of them.
            var fds = [Int32]()
            for fd in commandPipe + eventPipe {
                let moved = fcntl(fd, F_DUPFD_CLOEXEC, 10)
                _ = Glibc.close(fd)
                fds.append(moved)
            }
            func closeAll() { fds.filter { $0 >= 0 }.forEach { _ = Glibc.close($0) } }
            guard !fds.contains(where: { $0 < 0 }) else {
                closeAll()
                throw HeadlessChromiumError.launchFailed("fcntl(F_DUPFD_CLOEXEC) failed")
            }
            let (childReads, parentWrites, parentReads, childWrites) = (fds[0], fds[1], fds[2], fds[3])

            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, childReads, 3)
            posix_spawn_file_actions_adddup2(&actions, childWrites, 4)
            posix_spawn_file_actions_addclose(&actions, parentWrites)
            posix_spawn_file_actions_addclose(&actions, parentReads)
            // Also drop descriptors that other code in the test process left inheritable: a browser
            // holding, say, another test's pipe open would keep that test from seeing EOF.
            for fd in inheritableDescriptors() where fd > 4 {
                posix_spawn_file_actions_addclose(&actions, fd)
            }

            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            // Default SIGPIPE (we ignore it, and ignored signals survive exec), an empty signal mask
            // (the spawning thread's may block SIGTERM), and a new process group for close() to sweep.
            // Should the test process die, the browser still exits: it quits when the pipe closes.
            var defaultSignals = sigset_t()
            sigemptyset(&defaultSignals)
            sigaddset(&defaultSignals, SIGPIPE)
            posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
            var emptyMask = sigset_t()
            sigemptyset(&emptyMask)
            posix_spawnattr_setsigmask(&attributes, &emptyMask)
            posix_spawnattr_setpgroup(&attributes, 0)
            posix_spawnattr_setflags(
                &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

            let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
            let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
            defer {
                argv.forEach { free($0) }
                envp.forEach { free($0) }
            }
            var pid: pid_t = 0
            let result = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
            // The child has its copies now; ours would keep the pipes open after the browser dies.
            _ = Glibc.close(childReads)
            _ = Glibc.close(childWrites)
            guard result == 0 else {
                _ = Glibc.close(parentWrites)
                _ = Glibc.close(parentReads)
                throw HeadlessChromiumError.launchFailed("posix_spawn \(executable): \(String(cString: strerror(result)))")
            }
            // Non-blocking so that a stuck browser makes writes time out instead of blocking forever.
            for fd in [parentWrites, parentReads] {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
            return (pid, parentWrites, parentReads)
        }

        // MARK: - Helpers

        /// Open descriptors without FD_CLOEXEC (addclosefrom_np is not visible from Swift).
        private static func inheritableDescriptors() -> [Int32] {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            return entries.compactMap { Int32($0) }.filter { fd in
                let flags = fcntl(fd, F_GETFD)
                return flags >= 0 && flags & FD_CLOEXEC == 0
            }
        }

        private static func monotonicSeconds() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        }

        private static func abbreviate(_ text: String) -> String {
            text.count <= 200 ? text : String(text.prefix(200)) + "…"
        }

        /// "Uncaught Error: boom\n    at …" from exceptionDetails, plus the script location if known.
        private static func exceptionText(_ details: [String: Any]) -> String {
            let text = details["text"] as? String ?? ""
            var message = text
            if let exception = (details["exception"] as? [String: Any]).map(remoteObjectText) {
                // `text` often repeats the exception's first line ("Uncaught (in promise) Error: x").
                let firstLine = exception.prefix { $0 != "\n" }
                message =
                    text.hasSuffix(firstLine)
                    ? text + exception.dropFirst(firstLine.count)
                    : [text, exception].filter { !$0.isEmpty }.joined(separator: " ")
            }
            if let url = details["url"] as? String, !url.isEmpty, !message.contains(url) {
                let line = (details["lineNumber"] as? Int).map { ":\($0 + 1)" } ?? ""
                message += " (\(url)\(line))"
            }
            return message
        }

        private static func remoteObjectText(_ object: [String: Any]) -> String {
            if let value = object["value"] {
                return value as? String ?? "\(value)"
            }
            if let description = object["description"] as? String { return description }
            if let unserializable = object["unserializableValue"] as? String { return unserializable }
            return object["type"] as? String ?? "?"
        }
    }

#else

    /// Stand-in where the pipe driver is not implemented: no executable, so callers skip.
    final class HeadlessChromium {
        static func executable() -> String? { nil }

        let userDataDirectory = ""
        let processID: pid_t = 0
        var requestedURLs: [String] { [] }
        var consoleErrors: [String] { [] }

        init(executable: String, windowWidth: Int = 1400, windowHeight: Int = 900) throws {
            throw HeadlessChromiumError.launchFailed("HeadlessChromium is only implemented on Linux")
        }

        func navigate(to url: String, timeout: Double = 60) throws {}
        func evaluate(_ expression: String, timeout: Double = 60) throws -> Any? { nil }
        func waitFor(_ condition: String, timeout: Double = 60) throws {}
        func setFileInput(selector: String, files: [String]) throws {}
        func click(x: Double, y: Double, count: Int = 1) throws {}
        func screenshot() throws -> [UInt8] { [] }
        func close() {}
    }

#endif
