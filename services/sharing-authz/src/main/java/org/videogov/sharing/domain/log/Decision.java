package org.videogov.sharing.domain.log;

/** The answer a decision gave. */
public enum Decision {
    ALLOW,
    DENY
}
