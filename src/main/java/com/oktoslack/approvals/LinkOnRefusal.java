package com.oktoslack.approvals;

import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * After the ack, a click refused only because the person was not linked yet: they are looked up by their
 * Slack e-mail, so that pressing the button again works without a detour through {@code /okto link}.
 */
@Singleton
class LinkOnRefusal {

    private final People people;

    LinkOnRefusal(People people) {
        this.people = people;
    }

    String answer(String slackUserId, ClickCheck.Refused refused, String button) throws Exception {
        if (!refused.notLinked()) {
            return refused.message();
        }
        Optional<PersonLink> link = people.linkOrDiscover(slackUserId);
        if (link.isEmpty() || !link.get().isOktopostUser()) {
            return refused.message();
        }
        PersonLink linked = link.get();
        String who = linked.oktopostUserName() != null ? linked.oktopostUserName() + " (" + linked.email() + ")" : linked.email();
        return "I have linked you to Oktopost as " + who + ". Press *" + button + "* again.";
    }
}
