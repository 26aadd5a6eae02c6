/**
 * The policy of sharing-authz as pure rules, with no I/O: who ({@link org.videogov.sharing.domain.policy.Subject})
 * may do what ({@link org.videogov.sharing.domain.policy.Action}) to which district, site or camera
 * ({@link org.videogov.sharing.domain.policy.Resource}), answered as a
 * {@link org.videogov.sharing.domain.policy.Decision} that names its rule.
 *
 * <p>The {@link org.videogov.sharing.domain.policy.DefaultPolicy} decides first (Articles 4, 5 and 13
 * of the measures: district staff on their own district, city IT on all, everyone else denied). Grants
 * and emergency declarations ({@code domain.emergency.EmergencySource}) are
 * {@link org.videogov.sharing.domain.policy.PolicySource}s that the
 * {@link org.videogov.sharing.domain.policy.PolicyEngine} consults when the default policy denies: the
 * first source that allows decides (naming its grant or emergency), otherwise the default policy's
 * denial stands.
 */
package org.videogov.sharing.domain.policy;
