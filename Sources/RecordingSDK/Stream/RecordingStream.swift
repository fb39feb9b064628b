import ArrowIPC
import Foundation
import RecordingModel

/// The Swift logging API: log archetypes to entity paths at the current time, into the same `ChunkStore`
/// that loading an `.rrd` file fills, so every query and the renderer work on logged data.
///
/// ```swift
/// var rec = RecordingStream(applicationID: "dna", recordingID: "run-1")
/// rec.setTime("stable_time", duration: 0.5)
/// rec.log("dna/structure/left", Points3D(positions: points, colors: colors, radii: [0.08]))
/// let store = rec.store
/// ```
///
/// Semantics (those of rerun-sdk 0.41's Python API):
/// * The *time point* is the set of timelines given with `setTime`; each `log` writes one row at it. A
///   temporal row also gets `log_time` (the wall clock, a timestamp timeline) unless `logTimeEnabled` is
///   false, and `log_tick` (a per-call counter) when `logTickEnabled` is true.
/// * `static: true` rows have no time at all: they apply at every time and shadow temporal data. A row with no
///   timeline (logging disabled `log_time` and nothing set) is static too, as in Rerun.
/// * Every row gets a fresh row id, strictly larger than all earlier ones (clock time, never going back,
///   plus an increment), so of two writes at the same time point the later one wins.
/// * Each `log` call becomes one chunk with one row. (Rerun's batcher would merge consecutive rows into
///   bigger chunks; that changes no query answer.)
///
/// The stream is a value: copy it to branch, share the finished `store` across threads freely.
public struct RecordingStream: Sendable {
    public let storeID: StoreID
    /// Everything logged so far.
    public private(set) var store: ChunkStore
    /// Problems met while logging (bad entity paths), in order; the offending calls wrote nothing.
    public private(set) var warnings: [String] = []
    /// Whether temporal rows get the `log_time` timestamp timeline (Python: `rr.set_log_time_enabled`).
    public var logTimeEnabled = true
    /// Whether temporal rows get the `log_tick` sequence timeline, counting log calls from 0.
    public var logTickEnabled = false

    private var timePoint: [TimelineName: (kind: TimelineKind, time: TimeInt)] = [:]
    private var clock: WallClock
    private var simulatedNow: Int64
    private var ids = TUIDGenerator()
    private var tick: Int64 = 0

    /// A new recording. `recordingID` defaults to a random UUID, as in Python. With `sendProperties` the
    /// stream writes the static `/__properties` `RecordingInfo:start_time` row that `rr.init` writes.
    public init(applicationID: String, recordingID: String = UUID().uuidString.lowercased(), clock: WallClock = .system,
                sendProperties: Bool = true) {
        storeID = StoreID(kind: .recording, recordingID: recordingID, applicationID: applicationID)
        store = ChunkStore(id: storeID)
        self.clock = clock
        if case .simulated(let start, _) = clock { simulatedNow = start } else { simulatedNow = 0 }
        if sendProperties {
            let start = peekNow()
            log(EntityPath(["__properties"]), RecordingInfo(startTime: start), static: true)
        }
    }

    /// The logged data as a `Recording` (one recording store), the type loading a file gives.
    public var recording: Recording { Recording(stores: [store]) }

    // MARK: Time

    /// Sets `timeline` (a sequence timeline) to `sequence` for the following log calls.
    public mutating func setTime(_ timeline: String, sequence: some BinaryInteger) {
        timePoint[timeline] = (.sequence, Int64(clamping: sequence))
    }

    /// Sets `timeline` (a duration timeline) to `seconds`, stored as whole nanoseconds (rounded to nearest).
    public mutating func setTime(_ timeline: String, duration seconds: Double) {
        timePoint[timeline] = (.duration, Self.nanos(seconds: seconds))
    }

    /// Sets `timeline` (a duration timeline) to `duration`.
    public mutating func setTime(_ timeline: String, duration: Duration) {
        timePoint[timeline] = (.duration, Self.nanos(duration))
    }

    /// Sets `timeline` (a duration timeline) to `nanoseconds`.
    public mutating func setTime(_ timeline: String, durationNanos nanoseconds: Int64) {
        timePoint[timeline] = (.duration, nanoseconds)
    }

    /// Sets `timeline` (a timestamp timeline) to `date`, to the microsecond (see `nanos(date:)`).
    public mutating func setTime(_ timeline: String, timestamp date: Date) {
        timePoint[timeline] = (.timestamp, Self.nanos(date: date))
    }

    /// Sets `timeline` (a timestamp timeline) to `seconds` since the Unix epoch (UTC).
    public mutating func setTime(_ timeline: String, timestamp seconds: Double) {
        timePoint[timeline] = (.timestamp, Self.nanos(seconds: seconds))
    }

    /// Sets `timeline` (a timestamp timeline) to `nanoseconds` since the Unix epoch (UTC).
    public mutating func setTime(_ timeline: String, timestampNanos nanoseconds: Int64) {
        timePoint[timeline] = (.timestamp, nanoseconds)
    }

    /// Removes `timeline` from the time point (later rows do not have it).
    public mutating func disableTimeline(_ timeline: String) { timePoint[timeline] = nil }

    /// Removes every user timeline from the time point (`log_time`/`log_tick` are governed by their flags).
    public mutating func resetTime() { timePoint.removeAll() }

    /// The current time point, sorted by timeline name.
    public var currentTime: [(timeline: Timeline, time: TimeInt)] {
        timePoint.keys.sorted().map { (Timeline(name: $0, kind: timePoint[$0]!.kind), timePoint[$0]!.time) }
    }

    // MARK: Logging

    /// Logs `data` (an archetype, AnyValues, a user type) as one row of `entity`.
    public mutating func log(_ entity: EntityPath, _ data: some AsComponents, static isStatic: Bool = false) {
        log(entity, batches: data.componentBatches, static: isStatic)
    }

    /// Logs several archetypes in one row (Python's `rr.log(path, a, b, ...)`).
    public mutating func log(_ entity: EntityPath, _ data: [any AsComponents], static isStatic: Bool = false) {
        log(entity, batches: data.flatMap(\.componentBatches), static: isStatic)
    }

    /// Logs `data` to the entity named by `path` (Rerun's path syntax; see `EntityPath(parsing:)`). A path
    /// that does not parse is reported in `warnings` and nothing is written.
    public mutating func log(_ path: String, _ data: some AsComponents, static isStatic: Bool = false) {
        guard let entity = parse(path) else { return }
        log(entity, batches: data.componentBatches, static: isStatic)
    }

    /// Logs several archetypes in one row of the entity named by `path`.
    public mutating func log(_ path: String, _ data: [any AsComponents], static isStatic: Bool = false) {
        guard let entity = parse(path) else { return }
        log(entity, batches: data.flatMap(\.componentBatches), static: isStatic)
    }

    /// Logs raw component batches as one row. Of two batches with the same component the later one is kept.
    /// Nothing is written when `batches` is empty.
    public mutating func log(_ entity: EntityPath, batches: [ComponentBatch], static isStatic: Bool = false) {
        var byComponent: [String: Int] = [:]
        var kept: [ComponentBatch] = []
        for b in batches {
            if let k = byComponent[b.descriptor.component] { kept[k] = b } else {
                byComponent[b.descriptor.component] = kept.count
                kept.append(b)
            }
        }
        guard !kept.isEmpty else { return }
        let now = readNow()
        let chunkID = ids.next(nanos: now)
        let rowID = ids.next(nanos: now)
        var timeColumns: [TimeColumn] = []
        if !isStatic {
            for (name, value) in timePoint {
                timeColumns.append(TimeColumn(timeline: Timeline(name: name, kind: value.kind), times: [value.time]))
            }
            if logTimeEnabled, timePoint[Timeline.logTime.name] == nil {
                timeColumns.append(TimeColumn(timeline: .logTime, times: [now]))
            }
            if logTickEnabled, timePoint["log_tick"] == nil {
                timeColumns.append(TimeColumn(timeline: Timeline(name: "log_tick", kind: .sequence), times: [tick]))
                tick += 1
            }
        }
        let columns = kept.map { b in
            ComponentColumn(descriptor: b.descriptor, cells: .list(b.array, lengths: [b.count], itemNullable: true))
        }
        do {
            let chunk = try Chunk(id: TUID(chunkID), entityPath: entity, rowIDs: [TUID(rowID)], timeColumns: timeColumns, components: columns)
            store.insert(chunk)
        } catch {
            warnings.append("\(entity): \(error)")
        }
    }

    // MARK: Properties

    /// Writes the recording's name (`RecordingInfo:name` on `/__properties`, static).
    public mutating func sendRecordingName(_ name: String) {
        log(EntityPath(["__properties"]), RecordingInfo(name: name), static: true)
    }

    /// Writes a user property below `/__properties/<name>` (static), like `rr.send_property`.
    public mutating func sendProperty(_ name: String, _ values: some AsComponents) {
        log(EntityPath(["__properties", name]), values, static: true)
    }

    // MARK: Helpers

    private mutating func parse(_ path: String) -> EntityPath? {
        do {
            return try EntityPath(parsing: path)
        } catch {
            warnings.append("bad entity path \(path): \(error)")
            return nil
        }
    }

    private func peekNow() -> Int64 {
        switch clock {
        case .system: WallClock.systemNanos()
        case .simulated: simulatedNow
        }
    }

    private mutating func readNow() -> Int64 {
        switch clock {
        case .system:
            return WallClock.systemNanos()
        case .simulated(_, let step):
            let now = simulatedNow
            simulatedNow &+= step
            return now
        }
    }

    /// Seconds → nanoseconds, rounded to the nearest integer (whole seconds and the fraction are converted
    /// apart, so large timestamps lose no precision in the multiplication) and clamped to the Int64 range.
    static func nanos(seconds: Double) -> Int64 {
        guard seconds.isFinite else { return seconds > 0 ? .max : .min }
        let whole = seconds.rounded(.down)
        guard abs(whole) < 9.2e9 else { return whole > 0 ? .max : .min }
        return Int64(whole) * 1_000_000_000 + Int64(((seconds - whole) * 1e9).rounded())
    }

    /// A date → nanoseconds since the epoch, rounded to whole microseconds: a `Date` (a Double of seconds
    /// near 1.7e9) only carries about 0.2 µs of precision, and Python's `datetime` has microseconds.
    static func nanos(date: Date) -> Int64 {
        let t = date.timeIntervalSince1970
        guard t.isFinite, abs(t) < 9.2e9 else { return t > 0 ? .max : .min }
        let whole = t.rounded(.down)
        return Int64(whole) * 1_000_000_000 + Int64(((t - whole) * 1e6).rounded()) * 1000
    }

    static func nanos(_ d: Duration) -> Int64 {
        let (s, atto) = d.components
        let (ns, o1) = s.multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, o2) = ns.addingReportingOverflow(atto / 1_000_000_000)
        return o1 || o2 ? (s < 0 ? .min : .max) : sum
    }
}

extension TUID {
    init(_ v: TUIDValue) { self.init(timeNanos: v.timeNanos, increment: v.increment) }
}
