package org.videogov.recording.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.videogov.common.district.DistrictCode;
import org.videogov.recording.domain.Source;
import org.videogov.recording.service.SegmentService;

/** What clients send (strict: unknown fields, wrong types and out-of-range values are 400s naming the field). */
public final class Inputs {

    static final String GB_ID = "[0-9]{20}";
    static final String GB_ID_MESSAGE = "must be a 20-digit GB/T 28181 device ID";
    /** object-storage's object key (its domain.ObjectKey): segments of [A-Za-z0-9._-], no '.'/'..' segment, no reserved prefix. */
    static final String OBJECT_KEY = "(?!\\.holds(/|$))(?!\\.pending(/|$))(?!(.*/)?\\.{1,2}(/|$))[A-Za-z0-9._\\-]+(/[A-Za-z0-9._\\-]+)*";
    static final String OBJECT_KEY_MESSAGE = "must be 1 to 512 characters of letters, digits, '.', '_', '-' in "
            + "'/'-separated segments, without '.' or '..' segments, not under '.holds/' or '.pending/'";

    private Inputs() {
    }

    @Schema(name = "SegmentInput")
    public record SegmentInput(
            @Schema(examples = "37020200001320000001") @NotNull @Pattern(regexp = GB_ID, message = GB_ID_MESSAGE)
            String cameraGbId,
            @NotNull Source source,
            @Schema(description = "Start of the recording (inclusive); kept to the microsecond, in UTC") @NotNull
            OffsetDateTime start,
            @Schema(description = "End of the recording (exclusive), after start") @NotNull OffsetDateTime end,
            @Schema(description = "The object's key in the district's bucket (object-storage's rule: 1-512 letters, digits, "
                    + "'.', '_', '-' in '/'-separated segments, none '.' or '..', not under '.holds/' or '.pending/')")
            @NotBlank @Size(max = 512) @Pattern(regexp = OBJECT_KEY, message = OBJECT_KEY_MESSAGE) String objectKey,
            @NotNull @PositiveOrZero Long sizeBytes,
            @Schema(description = "SHA-256 of the object, 64 lowercase hex digits") @NotNull
            @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hexadecimal digits") String sha256,
            @Schema(examples = "mp4") @NotBlank @Size(max = 20) String container,
            @Schema(examples = "h265") @NotBlank @Size(max = 20) String codec,
            @Schema(description = "Optional, 1-5: the camera's security level is camera-inventory's; "
                    + "a stated level that differs is refused (422)") @Min(1) @Max(5) Integer securityLevel) {

        SegmentService.NewSegment command() {
            return new SegmentService.NewSegment(cameraGbId, source, start, end, objectKey, sizeBytes, sha256, container,
                    codec, Optional.ofNullable(securityLevel));
        }
    }

    @Schema(name = "SegmentBatch")
    public record SegmentBatchInput(
            @Schema(description = "The segments' district; district staff may omit it (their own), city-wide callers give it")
            @DistrictCode String district,
            @NotNull @Size(min = 1, message = "at least one segment") List<@NotNull @Valid SegmentInput> segments) {
    }

    @Schema(name = "RetentionPolicyInput")
    public record RetentionInput(
            @Schema(description = "Days recordings are kept (at least 30, Article 5)") @NotNull @Max(36500) Integer days,
            @Schema(description = "Days per security level \"1\"..\"5\", each at least 30") Map<String, @NotNull @Max(36500) Integer> levels) {
    }

    @Schema(name = "LegalHoldInput")
    public record HoldInput(
            @NotNull @Pattern(regexp = GB_ID, message = GB_ID_MESSAGE) String cameraGbId,
            @NotNull OffsetDateTime from,
            @NotNull OffsetDateTime to,
            @NotBlank @Size(max = 1000) String reason,
            @NotBlank @Size(max = 100) String caseNumber) {
    }

    @Schema(name = "LegalHoldRelease")
    public record ReleaseInput(@NotBlank @Size(max = 1000) String reason) {
    }
}
