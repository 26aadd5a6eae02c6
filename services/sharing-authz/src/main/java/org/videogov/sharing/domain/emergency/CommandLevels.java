package org.videogov.sharing.domain.emergency;

import org.videogov.sharing.domain.policy.Resource;

/**
 * The highest security level each command tier reaches while an emergency is active (Article 13,
 * second paragraph: access "in different levels and with different permissions"; the measures leave the
 * levels to the municipal emergency management agency, so they are configuration). A resource of unknown
 * level (0) is beyond every limit.
 */
public record CommandLevels(int municipal, int district) {

    public CommandLevels {
        requireLevel("municipal", municipal);
        requireLevel("district", district);
    }

    private static void requireLevel(String tier, int level) {
        if (level < 1 || level > Resource.MAX_LEVEL) {
            throw new IllegalArgumentException(tier + " command's maximum security level must be 1 to 5: " + level);
        }
    }

    public int maxLevel(CommandTier tier) {
        return tier.isMunicipal() ? municipal : district;
    }
}
