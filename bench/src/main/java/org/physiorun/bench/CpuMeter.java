package org.physiorun.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of one process and of the whole machine between two moments, from /proc (Linux): the CPU a service
 * spends per session, beside a latency that also depends on whatever else the machine is doing.
 */
final class CpuMeter {

    /** Linux reports both files in clock ticks of USER_HZ, which is 100 on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100;

    private final long pid;
    private final long processTicks;
    private final long machineBusy;
    private final long machineTotal;

    private CpuMeter(long pid) throws IOException {
        this.pid = pid;
        this.processTicks = processTicks(pid);
        long[] machine = machineTicks();
        this.machineBusy = machine[0];
        this.machineTotal = machine[1];
    }

    static CpuMeter start(long pid) throws IOException {
        return new CpuMeter(pid);
    }

    /** What the process and the machine used since {@link #start}. */
    Use stop() throws IOException {
        long[] machine = machineTicks();
        return new Use((processTicks(pid) - processTicks) / TICKS_PER_SECOND,
                100.0 * (machine[0] - machineBusy) / Math.max(1, machine[1] - machineTotal));
    }

    /** {@code processSeconds} of CPU (user and system, all threads); {@code machineBusyPercent} of every core. */
    record Use(double processSeconds, double machineBusyPercent) {
    }

    // utime and stime are fields 14 and 15; the command name before them, in parentheses, may hold spaces.
    private static long processTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    // The first line of /proc/stat: user nice system idle iowait irq softirq steal ...; idle and iowait are not busy.
    private static long[] machineTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
    }
}
