package org.videogov.sharing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Tiered command access (Article 13, second paragraph): the highest security level (1 lowest to 5
 * highest) each emergency command reaches while an emergency is active. The measures leave the tiers to
 * the municipal emergency management agency, so they are settings. The defaults keep level 5 out of
 * every tier (the most sensitive systems need a grant approved by the district or city) and give the
 * municipal command one level more than a district's command, "in different levels and with different
 * permissions".
 */
@ConfigMapping(prefix = "videogov.sharing-authz.command")
public interface CommandConfig {

    /**
     * Municipal emergency command's highest level (1-5, default 4). Env
     * {@code VIDEOGOV_SHARING_AUTHZ_COMMAND_MUNICIPAL_MAX_LEVEL}.
     */
    @WithDefault("4")
    @Min(1)
    @Max(5)
    int municipalMaxLevel();

    /**
     * A district emergency command's highest level on its own district (1-5, default 3). Env
     * {@code VIDEOGOV_SHARING_AUTHZ_COMMAND_DISTRICT_MAX_LEVEL}.
     */
    @WithDefault("3")
    @Min(1)
    @Max(5)
    int districtMaxLevel();
}
