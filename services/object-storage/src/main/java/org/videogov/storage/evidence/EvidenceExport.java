package org.videogov.storage.evidence;

import io.grpc.Status;
import io.minio.GetObjectResponse;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.videogov.common.grpc.GrpcArguments;
import org.videogov.common.grpc.GrpcCaller;
import org.videogov.common.grpc.GrpcStatus;
import org.videogov.common.identity.ServiceAccount;
import org.videogov.common.problem.ProblemException;
import org.videogov.evidence.PackageWriter;
import org.videogov.proto.storage.v1.ExportItem;
import org.videogov.proto.storage.v1.ExportPackageRequest;
import org.videogov.proto.storage.v1.PackageChunk;
import org.videogov.storage.config.StorageConfig;
import org.videogov.storage.domain.ObjectKey;
import org.videogov.storage.repository.ObjectStore;

/**
 * {@code ObjectStorage.ExportPackage} (storage.proto): an evidence package of the listed objects
 * (Article 5 of the measures: recordings are kept and protected, and what leaves the platform must
 * show that it is what was kept). The caller is recording-metadata, which asked sharing-authz
 * {@code recording.export} for the person it acts for and chose the segments. Every object must exist
 * before a byte is sent (NOT_FOUND); then each is streamed from the store into the ZIP through a small
 * buffer while hashed, and one whose bytes are not the recorded ones ends the stream with DATA_LOSS
 * before any manifest or signature exists. Memory stays flat: no object is ever held, and chunks are
 * sent as the caller takes them ({@link CallReadiness}).
 */
@ApplicationScoped
public class EvidenceExport {

    private static final Logger LOG = Logger.getLogger(EvidenceExport.class);

    static final int MAX_ITEMS = 10_000;
    static final int MAX_TEXT = 1000;
    static final int MAX_CASE_NUMBER = 100;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern GB_ID = Pattern.compile("[0-9]{20}");
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z_]{1,32}");
    private static final Duration OPEN_TIMEOUT = Duration.ofMinutes(1);

    @Inject
    GrpcCaller caller;

    @Inject
    ObjectStore store;

    @Inject
    EvidenceKey key;

    /** The service accounts that may export are storage.proto's: the same callers as DeleteObject. */
    @Inject
    StorageConfig config;

    /** A checked request. */
    record Export(String district, String cameraGbId, Instant from, Instant to, String exportedBy, String purpose,
                  String caseNumber, List<Item> items) {
    }

    record Item(ObjectKey key, long size, String sha256, String cameraGbId, String source, Instant start,
                Instant end) {
    }

    public Multi<PackageChunk> exportPackage(ExportPackageRequest request) {
        CallReadiness.Readiness readiness = CallReadiness.KEY.get();
        return caller.identity().map(identity -> {
            String client = ServiceAccount.clientOf(identity).orElseThrow(() -> Status.PERMISSION_DENIED
                    .withDescription("the object-storage gRPC API is for the platform's services").asRuntimeException());
            if (!config.deleters().contains(client)) {
                throw Status.PERMISSION_DENIED.withDescription("only recording-metadata exports evidence packages")
                        .asRuntimeException();
            }
            Export export = check(request);
            if (key.get().isEmpty()) {
                throw Status.FAILED_PRECONDITION.withDescription("no evidence signing key is configured "
                        + "(videogov.object-storage.evidence.signing-key): no evidence package can be signed")
                        .asRuntimeException();
            }
            return export;
        }).call(this::requireObjects)
                .onFailure().transform(GrpcStatus::of)
                .onItem().transformToMulti(export -> Multi.createFrom().<PackageChunk>emitter(emitter ->
                        Infrastructure.getDefaultWorkerPool().execute(() -> write(export, emitter, readiness))));
    }

    /** Every listed object exists (NOT_FOUND naming the first missing one, before any byte). */
    private Uni<Void> requireObjects(Export export) {
        return Multi.createFrom().iterable(export.items())
                .onItem().transformToUni(item -> store.stat(export.district(), item.key())
                        .map(found -> found.isPresent() ? null : item.key()))
                .merge(8)
                .select().where(missing -> missing != null)
                .collect().first()
                .onFailure(f -> !(f instanceof ProblemException)).transform(failure -> {
                    LOG.warnf("the object store failed while an export checked its objects: %s", failure.toString());
                    return Status.UNAVAILABLE.withDescription("the object store did not answer; retry later")
                            .asRuntimeException();
                })
                .map(missing -> {
                    if (missing != null) {
                        throw Status.NOT_FOUND.withDescription("object " + missing + " does not exist in district "
                                + export.district() + "; nothing was exported").asRuntimeException();
                    }
                    return null;
                });
    }

    private void write(Export export, MultiEmitter<? super PackageChunk> emitter, CallReadiness.Readiness readiness) {
        EvidenceKey.Loaded signing = key.require();
        ChunkStream out = new ChunkStream(emitter, readiness);
        PackageWriter writer = new PackageWriter(out);
        try {
            for (Item item : export.items()) {
                try (GetObjectResponse object = store.get(export.district(), item.key(), 0, null).await()
                        .atMost(OPEN_TIMEOUT)) {
                    writer.addSegment(object, item.key().value(), item.cameraGbId(), item.source(), item.start(),
                            item.end(), item.size(), item.sha256());
                }
            }
            PackageWriter.Written written = writer.finish(new PackageWriter.Header(UUID.randomUUID().toString(),
                    export.district(), export.cameraGbId(), export.from(), export.to(), export.exportedBy(),
                    export.purpose(), export.caseNumber(), Instant.now()), signing.privateKey(), signing.publicKey());
            out.last(PackageChunk.newBuilder().setSize(written.size()).setSha256(written.sha256())
                    .setManifestSha256(written.manifestSha256()).setKeyId(signing.keyId()));
            LOG.infof("evidence package %s exported: district %s, camera %s, case %s, %d segments, %d bytes, "
                            + "for %s, signed with key %s (%s)", written.manifest().packageId(), export.district(),
                    export.cameraGbId(), export.caseNumber(), export.items().size(), written.size(),
                    export.exportedBy(), signing.keyId(), readiness != null ? "paced by the caller's reading"
                            : "not paced: the call's readiness was not available");
            emitter.complete();
        } catch (PackageWriter.Mismatch e) {
            LOG.errorf("evidence export for case %s of district %s stopped: %s", export.caseNumber(),
                    export.district(), e.getMessage());
            emitter.fail(Status.DATA_LOSS.withDescription(e.getMessage() + "; no package was signed")
                    .asRuntimeException());
        } catch (IOException | RuntimeException e) {
            if (emitter.isCancelled()) {
                LOG.infof("evidence export for case %s of district %s cancelled by the caller", export.caseNumber(),
                        export.district());
                return;
            }
            LOG.warnf("evidence export for case %s of district %s failed: %s", export.caseNumber(), export.district(),
                    e.toString());
            emitter.fail(Status.UNAVAILABLE.withDescription("the object store did not complete the export; "
                    + "no package was signed. Retry later.").asRuntimeException());
        }
    }

    /** The request checked as storage.proto says (INVALID_ARGUMENT naming the field). */
    static Export check(ExportPackageRequest r) {
        String district = GrpcArguments.districtScope(r.getDistrict().getCode())
                .orElseThrow(() -> invalid("district " + org.videogov.common.district.DistrictCode.MESSAGE));
        String camera = gbId("camera_gb_id", r.getCameraGbId());
        if (!r.hasFrom() || !r.hasTo()) {
            throw invalid("from and to are required");
        }
        Instant from = instant(r.getFrom());
        Instant to = instant(r.getTo());
        if (!to.isAfter(from)) {
            throw invalid("to must be after from");
        }
        String exportedBy = text("exported_by", r.getExportedBy(), MAX_TEXT);
        String purpose = text("purpose", r.getPurpose(), MAX_TEXT);
        String caseNumber = text("case_number", r.getCaseNumber(), MAX_CASE_NUMBER);
        if (r.getItemsCount() < 1 || r.getItemsCount() > MAX_ITEMS) {
            throw invalid("items: 1 to " + MAX_ITEMS + " per package, not " + r.getItemsCount());
        }
        List<Item> items = new ArrayList<>(r.getItemsCount());
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < r.getItemsCount(); i++) {
            ExportItem item = r.getItems(i);
            String at = "items[" + i + "].";
            ObjectKey key;
            try {
                key = ObjectKey.parse(item.getKey());
            } catch (ProblemException e) {
                throw invalid(at + "key " + e.getMessage());
            }
            if (!keys.add(key.value())) {
                throw invalid(at + "key " + key + " is listed twice");
            }
            if (item.getSize() < 0) {
                throw invalid(at + "size must not be negative");
            }
            if (!SHA256.matcher(item.getSha256()).matches()) {
                throw invalid(at + "sha256 must be 64 hex digits");
            }
            if (!SOURCE.matcher(item.getSource()).matches()) {
                throw invalid(at + "source must be 1-32 letters or '_'");
            }
            if (!item.hasStart() || !item.hasEnd()) {
                throw invalid(at + "start and end are required");
            }
            Instant start = instant(item.getStart());
            Instant end = instant(item.getEnd());
            if (!end.isAfter(start)) {
                throw invalid(at + "end must be after start");
            }
            items.add(new Item(key, item.getSize(), item.getSha256().toLowerCase(Locale.ROOT),
                    gbId(at + "camera_gb_id", item.getCameraGbId()), item.getSource(), start, end));
        }
        return new Export(district, camera, from, to, exportedBy, purpose, caseNumber, items);
    }

    /** 20 digits, as recording-metadata registers them (GB/T 28181's structure is camera-inventory's to check). */
    private static String gbId(String field, String value) {
        if (!GB_ID.matcher(value).matches()) {
            throw invalid(field + " must be a 20-digit GB/T 28181 device ID");
        }
        return value;
    }

    private static String text(String field, String value, int max) {
        if (value.isEmpty() || value.length() > max) {
            throw invalid(field + " must be 1 to " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw invalid(field + " must not contain control characters");
            }
        }
        return value;
    }

    private static Instant instant(com.google.protobuf.Timestamp t) {
        if (t.getNanos() < 0 || t.getNanos() > 999_999_999 || t.getSeconds() < -62135596800L
                || t.getSeconds() > 253402300799L) {
            throw invalid("a timestamp is out of range");
        }
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static RuntimeException invalid(String description) {
        return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
    }
}
