import Testing
@testable import SceneBuilding

@Suite struct FrameScheduleTests {
    @Test func durationTimelinesStepByRecordingTime() throws {
        // 0 … 2 s at 30 fps: 61 frames, 1/30 s apart.
        let s = try FrameSchedule(kind: .duration, from: 0, to: 2_000_000_000, fps: 30)
        #expect(s.count == 61)
        #expect(s.time(1) == 33_333_333 && s.time(60) == 2_000_000_000)
        // Twice the speed: half the frames.
        #expect(try FrameSchedule(kind: .duration, from: 0, to: 2_000_000_000, fps: 30, speed: 2).count == 31)
    }

    @Test func sequenceTimelinesStepOnePerFrame() throws {
        let s = try FrameSchedule(kind: .sequence, from: 100, to: 104, fps: 30)
        #expect(s.count == 5 && s.time(4) == 104)
        let strided = try FrameSchedule(kind: .sequence, from: 0, to: 10, fps: 30, stride: 3)
        #expect(strided.count == 4 && strided.time(3) == 9)
    }

    @Test func timestampsKeepTheirEpoch() throws {
        let start: Int64 = 1_704_164_645_000_000_000
        let s = try FrameSchedule(kind: .timestamp, from: start, to: start + 160_000_000, fps: 25)
        #expect(s.count == 5 && s.time(4) == start + 160_000_000)
    }

    @Test func badRangesAreErrors() {
        #expect(throws: FrameSchedule.Failure.self) { try FrameSchedule(kind: .sequence, from: 5, to: 4, fps: 30) }
        #expect(throws: FrameSchedule.Failure.self) { try FrameSchedule(kind: .duration, from: 0, to: 1, fps: 0) }
        #expect(throws: FrameSchedule.Failure.self) {
            try FrameSchedule(kind: .duration, from: 0, to: Int64.max / 2, fps: 60)
        }
    }
}
