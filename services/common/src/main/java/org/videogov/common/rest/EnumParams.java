package org.videogov.common.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.videogov.common.problem.ProblemException;

/**
 * The one converter of enum request parameters ({@code ?state=ACTIVE}, {@code ?category=…}): a
 * resource declares the parameter with its enum type and never parses it by hand. A value that
 * is not a constant's exact name is a 400 problem naming the parameter:
 * {@code state: 'BROKEN' is not one of [PLANNED, INSTALLED, ACTIVE, FAULTY, DECOMMISSIONED]}; a
 * value longer than {@value #MAX_LENGTH} characters is refused without being echoed
 * ({@code state: size must be between 0 and 50}).
 *
 * <pre>{@code
 * @QueryParam("state") @Parameter(description = "A CameraState name") CameraState state
 * }</pre>
 */
@Provider
public class EnumParams implements ParamConverterProvider {

    /** Longest value read as an enum name (and echoed in the refusal). */
    public static final int MAX_LENGTH = 50;

    /** The JAX-RS annotations that name a request parameter, and how to read the name. */
    private static final Map<Class<? extends Annotation>, Function<Annotation, String>> NAMES = Map.of(
            QueryParam.class, a -> ((QueryParam) a).value(),
            PathParam.class, a -> ((PathParam) a).value(),
            HeaderParam.class, a -> ((HeaderParam) a).value(),
            FormParam.class, a -> ((FormParam) a).value(),
            MatrixParam.class, a -> ((MatrixParam) a).value(),
            CookieParam.class, a -> ((CookieParam) a).value());

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        return (ParamConverter<T>) new EnumConverter(rawType, name(annotations));
    }

    /** The parameter's name as the caller wrote it, for the problem's {@code errors[].field}. */
    static String name(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            Function<Annotation, String> name = NAMES.get(a.annotationType());
            if (name != null) {
                return name.apply(a);
            }
        }
        return "parameter";
    }

    /** Exact constant names only, as {@code Enum.valueOf}. */
    static final class EnumConverter<E extends Enum<E>> implements ParamConverter<E> {

        private final Class<E> type;
        private final String parameter;

        EnumConverter(Class<E> type, String parameter) {
            this.type = type;
            this.parameter = parameter;
        }

        @Override
        public E fromString(String value) {
            if (value == null) {
                return null;
            }
            if (value.length() > MAX_LENGTH) {
                throw refusal("size must be between 0 and " + MAX_LENGTH);
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw refusal("'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            }
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }

        /** A WebApplicationException, so that Quarkus REST keeps it (anything else becomes a 404). */
        private BadRequestException refusal(String message) {
            return new BadRequestException(ProblemException.badRequest(parameter, message));
        }
    }
}
