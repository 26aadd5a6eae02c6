package org.videogov.common.gb28181;

/** The device class of a GB/T 28181 type code (digits 11-13). */
public enum DeviceType {
    /** 111-130: DVR (111), video server (112), encoder (113), decoder (114), NVR (118), ... */
    FRONT_END_MAIN_DEVICE,
    /** 131-199: camera (131), IPC (132), display (133), alarm input (134), ... */
    FRONT_END_PERIPHERAL,
    /** 200-299: central signalling server (200), media server (202), business group (215), ... */
    PLATFORM_DEVICE,
    /** 300-399. */
    CENTRAL_USER,
    /** 400-499. */
    END_USER,
    /** 500-999: extension types. */
    EXTENSION,
    /** 000-110: not a type GB/T 28181 defines. */
    UNDEFINED;

    public static final int CAMERA = 131;
    public static final int IPC = 132;

    public static DeviceType of(int code) {
        if (code >= 111 && code <= 130) return FRONT_END_MAIN_DEVICE;
        if (code >= 131 && code <= 199) return FRONT_END_PERIPHERAL;
        if (code >= 200 && code <= 299) return PLATFORM_DEVICE;
        if (code >= 300 && code <= 399) return CENTRAL_USER;
        if (code >= 400 && code <= 499) return END_USER;
        if (code >= 500 && code <= 999) return EXTENSION;
        return UNDEFINED;
    }

    /** Whether a type code names an image-capturing device: camera (131) or IPC (132). */
    public static boolean isCameraClass(int code) {
        return code == CAMERA || code == IPC;
    }
}
