package com.oktoslack.results;

import com.oktoslack.oktopost.Advocate;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.Profile;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The name of the profile a post went to: the account's profiles come from the client's cached list; an
 * advocate's own profile (a shared story) is not among them and is read from the advocate, one call.
 */
@Singleton
class ProfileNames {

    private final Oktopost oktopost;
    private final People people;

    ProfileNames(Oktopost oktopost, People people) {
        this.oktopost = oktopost;
        this.people = people;
    }

    Optional<String> of(@Nullable String credentialId, @Nullable String slackUserId) {
        if (credentialId == null || credentialId.isBlank()) {
            return Optional.empty();
        }
        Optional<String> account = oktopost.credentials(null).stream()
                .filter(c -> credentialId.equals(c.id()))
                .map(c -> c.displayName() != null && !c.displayName().isBlank() ? c.displayName() : c.name())
                .filter(n -> n != null && !n.isBlank())
                .findFirst();
        if (account.isPresent() || slackUserId == null) {
            return account;
        }
        Optional<String> advocateId = people.linkOf(slackUserId).map(PersonLink::advocateId);
        if (advocateId.isEmpty()) {
            return Optional.empty();
        }
        try {
            Advocate advocate = oktopost.advocate(advocateId.get(), null);
            return advocate.profiles().stream().filter(p -> credentialId.equals(p.id())).map(Profile::name)
                    .filter(n -> n != null && !n.isBlank()).findFirst();
        } catch (OktopostException.NotFound e) {
            return Optional.empty();
        }
    }
}
