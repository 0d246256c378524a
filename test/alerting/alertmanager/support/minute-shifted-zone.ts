import * as fs from 'fs';
import * as path from 'path';

/**
 * A time zone whose minutes start at a chosen second, written as a TZif file for Alertmanager (Go reads the zones
 * of `time_intervals[].location` from the directory named by ZONEINFO first, then from the system's).
 *
 * Alertmanager's intervals are minute-granular in their location, so with a real zone a test crossing an interval's
 * end waits for the next wall-clock minute (up to 60 s). Offsetting the zone by the right number of seconds puts a
 * local minute boundary exactly where the test needs it.
 */
export class MinuteShiftedZone {
  /** The location name to use in the configuration. */
  public static readonly NAME = 'Feedops/MinuteShifted';

  /** Writes, under `directory`, a zone in which `boundaryMs` (a whole second, UTC epoch ms) starts a minute. */
  public static write(directory: string, boundaryMs: number): MinuteShiftedZone {
    if (boundaryMs % 1000 !== 0) throw new Error(`the boundary must be a whole second, got ${boundaryMs} ms`);
    const offsetSeconds = (60 - ((boundaryMs / 1000) % 60)) % 60;
    const file = path.join(directory, ...MinuteShiftedZone.NAME.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, tzifVersion1(offsetSeconds, 'FMS'));
    return new MinuteShiftedZone(directory, offsetSeconds);
  }

  private constructor(
    /** The ZONEINFO directory to give Alertmanager and amtool. */
    public readonly zoneinfo: string,
    /** Seconds east of UTC (0-59). */
    public readonly offsetSeconds: number,
  ) {}

  /** The local wall clock at `epochMs`, as a Date whose UTC fields read the local time. */
  public wallClock(epochMs: number): Date {
    return new Date(epochMs + this.offsetSeconds * 1000);
  }
}

/** RFC 8536 version 1 data: no transitions, one local time type with the offset, its abbreviation. */
function tzifVersion1(offsetSeconds: number, abbreviation: string): Buffer {
  const designations = Buffer.from(`${abbreviation}\0`, 'ascii');
  const header = Buffer.alloc(44);
  header.write('TZif', 0, 'ascii');
  // Byte 4 is the version (0: version 1), 15 reserved bytes, then the six counts: isutcnt, isstdcnt, leapcnt,
  // timecnt, typecnt, charcnt.
  [0, 0, 0, 0, 1, designations.length].forEach((count, index) => header.writeUInt32BE(count, 20 + index * 4));
  const localTimeType = Buffer.alloc(6);
  localTimeType.writeInt32BE(offsetSeconds, 0); // utoff; isdst 0; designation index 0
  return Buffer.concat([header, localTimeType, designations]);
}
