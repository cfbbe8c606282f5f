package org.staffroom.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used by the PostgreSQL server: the postmaster's own time, the time of its backends
 * that have exited (reaped into its cutime/cstime) and of those still running. Linux only; NaN
 * elsewhere.
 */
final class PostgresCpu {
    /** USER_HZ: 100 on every Linux the JVM runs on in practice. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long postmaster;

    PostgresCpu(long postmasterPid) {
        this.postmaster = postmasterPid;
    }

    double seconds() {
        long[] own = stat(postmaster);
        if (own == null) {
            return Double.NaN;
        }
        long ticks = own[1] + own[2] + own[3] + own[4];
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                long pid;
                try {
                    pid = Long.parseLong(p.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                long[] s = stat(pid);
                if (s != null && s[0] == postmaster) {
                    ticks += s[1] + s[2];
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** {ppid, utime, stime, cutime, cstime} from /proc/PID/stat, or null. */
    private static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // after the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
