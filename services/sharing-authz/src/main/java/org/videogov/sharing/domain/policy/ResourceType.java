package org.videogov.sharing.domain.policy;

/** The kind of resource a list shows (LookupResources): sites or cameras. */
public enum ResourceType {
    SITE,
    CAMERA
}
