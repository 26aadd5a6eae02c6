package org.videogov.sharing.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the decision log, newest first. */
@Schema(name = "DecisionPage")
public record DecisionPageView(List<DecisionView> items, int page, int size, long total) {
}
