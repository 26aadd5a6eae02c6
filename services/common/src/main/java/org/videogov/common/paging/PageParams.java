package org.videogov.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Paging query parameters of every list endpoint ({@code ?page=0&size=50}). A size above
 * {@link #MAX_SIZE} is refused, not silently cut, so a client never mistakes a page for the
 * whole. The values are read as text so that {@code size=ten} is a 400 naming the parameter.
 */
public class PageParams {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "Zero-based page number")
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number, 0 or more")
    public String page;

    @QueryParam("size")
    @DefaultValue("50")
    @Parameter(description = "Page size, 1 to " + MAX_SIZE)
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number from 1 to " + MAX_SIZE)
    @Min(value = 1, message = "must be a whole number from 1 to " + MAX_SIZE)
    @Max(value = MAX_SIZE, message = "must be a whole number from 1 to " + MAX_SIZE)
    public String size;

    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }

    public static PageParams of(int page, int size) {
        PageParams p = new PageParams();
        p.page = Integer.toString(page);
        p.size = Integer.toString(size);
        return p;
    }
}
