package org.videogov.site.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of sites. */
@Schema(name = "SitePage")
public record PageView(List<SiteView> items, int page, int size, long total) {
}
