package dev.netkit.travesty.server;

import dev.netkit.travesty.Travesty;
import java.time.Duration;
import java.util.function.Supplier;

/** The configuration of a {@link TravestyServer}, as its builder validated it. */
record ServerSettings(
    int maxClients,
    long maxUploadBytes,
    long maxWords,
    long maxTotalWords,
    long maxGenerateWords,
    int maxLineLength,
    Duration idleTimeout,
    Duration urgentByteTimeout,
    Supplier<Travesty> models) {
}
