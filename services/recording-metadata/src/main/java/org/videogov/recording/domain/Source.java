package org.videogov.recording.domain;

/** Why a segment was recorded: round the clock, on an event (alarm, motion), or by an operator's command. */
public enum Source {
    CONTINUOUS, EVENT, MANUAL
}
