package org.videogov.camera.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of cameras. */
@Schema(name = "CameraPage")
public record CameraPageView(List<CameraView> items, int page, int size, long total) {
}
