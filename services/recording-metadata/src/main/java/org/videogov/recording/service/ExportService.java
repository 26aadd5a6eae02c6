package org.videogov.recording.service;

import com.google.protobuf.Timestamp;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.videogov.common.identity.Caller;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;
import org.videogov.proto.common.v1.DistrictCode;
import org.videogov.proto.storage.v1.ExportItem;
import org.videogov.proto.storage.v1.ExportPackageRequest;
import org.videogov.proto.storage.v1.PackageChunk;
import org.videogov.recording.client.ObjectStorageExports;
import org.videogov.recording.domain.Segment;
import org.videogov.recording.repository.SegmentRepository;

/**
 * Evidence export (Article 5): a camera's segments over a window, as a signed package object-storage
 * writes. The caller must be allowed {@code recording.export} on the camera (404 when it may not read
 * its recordings, 403 when it reads only); the window is bounded like the timeline's; at most
 * {@value #MAX_SEGMENTS} segments per package. Who exported (the token's subject and name), why and
 * for which case go into the signed manifest.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    /** storage.proto's limit of items per package. */
    public static final int MAX_SEGMENTS = 10_000;

    @Inject
    RecordingAccess access;

    @Inject
    SegmentService segmentService;

    @Inject
    SegmentRepository segments;

    @Inject
    ObjectStorageExports storage;

    /** An export asked for: the camera, the window [from, to), why and for which case. */
    public record ExportCommand(String gbId, OffsetDateTime from, OffsetDateTime to, String purpose,
                                String caseNumber) {
    }

    /** A package on its way: the segments it holds, and its bytes as object-storage streams them. */
    public record Export(int segments, Multi<PackageChunk> chunks) {
    }

    public Uni<Export> export(ExportCommand command, Caller caller) {
        OffsetDateTime from = SegmentService.utcMicros(command.from());
        OffsetDateTime to = SegmentService.utcMicros(command.to());
        segmentService.checkWindow(from, to);
        return access.requireExport(command.gbId()).flatMap(camera -> segments.timeline(command.gbId(), from, to,
                Optional.empty(), Optional.empty(), Optional.empty(), MAX_SEGMENTS + 1).map(rows -> {
                    if (rows.isEmpty()) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "Camera " + command.gbId()
                                + " has no recorded segment between " + from + " and " + to + "; nothing to export");
                    }
                    if (rows.size() > MAX_SEGMENTS) {
                        throw ProblemException.badRequest("to", "the window holds more than " + MAX_SEGMENTS
                                + " segments, the most one package holds; export a shorter window");
                    }
                    List<Segment> chosen = rows.stream().map(SegmentRepository.TimelineRow::segment).toList();
                    ExportPackageRequest request = request(camera.district(), command, from, to, chosen, caller);
                    LOG.infof("evidence export of camera %s, %s to %s, case %s: %d segments, for %s",
                            command.gbId(), from, to, command.caseNumber(), chosen.size(), request.getExportedBy());
                    return new Export(chosen.size(), storage.exportPackage(request));
                }));
    }

    static ExportPackageRequest request(String district, ExportCommand command, OffsetDateTime from, OffsetDateTime to,
                                        List<Segment> chosen, Caller caller) {
        ExportPackageRequest.Builder request = ExportPackageRequest.newBuilder()
                .setDistrict(DistrictCode.newBuilder().setCode(district))
                .setCameraGbId(command.gbId()).setFrom(timestamp(from)).setTo(timestamp(to))
                .setExportedBy(exportedBy(caller)).setPurpose(command.purpose()).setCaseNumber(command.caseNumber());
        for (Segment s : chosen) {
            request.addItems(ExportItem.newBuilder().setKey(s.objectKey()).setSize(s.sizeBytes()).setSha256(s.sha256())
                    .setCameraGbId(s.cameraGbId()).setSource(s.source().name()).setStart(timestamp(s.start()))
                    .setEnd(timestamp(s.end())));
        }
        return request.build();
    }

    /** The person as the token states them: subject, and the name when there is one. */
    static String exportedBy(Caller caller) {
        String name = caller.userName();
        String by = name == null || name.isBlank() || name.equals(caller.userId()) ? caller.userId()
                : caller.userId() + " (" + name + ")";
        return by.length() > 1000 ? by.substring(0, 1000) : by;
    }

    private static Timestamp timestamp(OffsetDateTime t) {
        return Timestamp.newBuilder().setSeconds(t.toEpochSecond()).setNanos(t.getNano()).build();
    }
}
