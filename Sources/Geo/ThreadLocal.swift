#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One value of `Value` per thread, created on first use in that thread and released when the thread ends.
///
/// GEOS and PROJ contexts must never be used by two threads at once; keeping one per thread in
/// thread-local storage is how shapely does it and needs no locks on the hot path.
final class ThreadLocal<Value: AnyObject>: @unchecked Sendable {
    // @unchecked: the key is written once in init and only read afterwards; the values are per thread.
    private var key = pthread_key_t()
    private let make: @Sendable () -> Value

    init(make: @escaping @Sendable () -> Value) {
        self.make = make
        let status = pthread_key_create(&key) { pointer in
            // Runs when a thread exits: drop that thread's value.
            guard let pointer else { return }
            Unmanaged<AnyObject>.fromOpaque(pointer).release()
        }
        precondition(status == 0, "pthread_key_create failed with \(status)")
    }

    /// This thread's value.
    var value: Value {
        if let pointer = pthread_getspecific(key) {
            return unsafeDowncast(Unmanaged<AnyObject>.fromOpaque(pointer).takeUnretainedValue(), to: Value.self)
        }
        let created = make()
        let object: AnyObject = created
        pthread_setspecific(key, Unmanaged.passRetained(object).toOpaque())
        return created
    }
}
