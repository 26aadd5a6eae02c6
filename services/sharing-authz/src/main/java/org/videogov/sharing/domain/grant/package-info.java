/**
 * Grants (Articles 4 and 5 of the measures) as pure rules, with no I/O: a {@link org.videogov.sharing.domain.grant.Grant}
 * shares a district's video with a {@link org.videogov.sharing.domain.grant.Grantee} for a purpose, a case and a
 * window; its {@link org.videogov.sharing.domain.grant.GrantStatus} is derived; {@link org.videogov.sharing.domain.grant.GrantTerms}
 * checks what is requested, {@link org.videogov.sharing.domain.grant.GrantRules} who may request, approve, revoke
 * and read; and {@link org.videogov.sharing.domain.grant.GrantSource} is the
 * {@link org.videogov.sharing.domain.policy.PolicySource} the policy engine consults when the default policy denies.
 */
package org.videogov.sharing.domain.grant;
