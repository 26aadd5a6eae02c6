package org.videogov.common.grpc;

import io.grpc.Status;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.videogov.common.district.DistrictCode;

/** Reads the arguments every VideoGov gRPC request carries; a bad one is INVALID_ARGUMENT. */
public final class GrpcArguments {

    private static final Pattern ADMIN_CODE = Pattern.compile(DistrictCode.PATTERN);

    private GrpcArguments() {
    }

    /**
     * The district a call acts for (a {@code DistrictCode.code}): empty text means city scope,
     * anything else must be a six-digit GB/T 2260 code.
     */
    public static Optional<String> districtScope(String code) {
        String stripped = code.strip();
        if (stripped.isEmpty()) {
            return Optional.empty();
        }
        if (!ADMIN_CODE.matcher(stripped).matches()) {
            throw Status.INVALID_ARGUMENT.withDescription("district " + DistrictCode.MESSAGE)
                    .asRuntimeException();
        }
        return Optional.of(stripped);
    }

    /** A UUID argument; {@code field} names it in the error. */
    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw Status.INVALID_ARGUMENT.withDescription(field + " must be a UUID").asRuntimeException();
        }
    }
}
