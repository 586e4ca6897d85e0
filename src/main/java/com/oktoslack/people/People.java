package com.oktoslack.people;

import com.oktoslack.oktopost.Advocate;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.User;
import com.oktoslack.slack.SlackUser;
import com.oktoslack.slack.SlackUsers;
import com.oktoslack.slack.UserFacingException;
import com.slack.api.methods.SlackApiException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Who is who across Slack and Oktopost. Features ask here instead of reading the table. */
@Singleton
public class People {

    /** Oktopost's role for users who may only look. */

    private final PersonLinkRepository links;
    private final SlackUsers slackUsers;
    private final Oktopost oktopost;
    private final Clock clock;

    People(PersonLinkRepository links, SlackUsers slackUsers, Oktopost oktopost, Clock clock) {
        this.links = links;
        this.slackUsers = slackUsers;
        this.oktopost = oktopost;
        this.clock = clock;
    }

    public Optional<PersonLink> linkOf(String slackUserId) {
        return links.findById(slackUserId);
    }

    /** The stored link, or a new one made from the Slack e-mail; empty when Oktopost knows no such person. */
    public Optional<PersonLink> linkOrDiscover(String slackUserId) throws IOException, SlackApiException {
        Optional<PersonLink> known = links.findById(slackUserId);
        if (known.isPresent()) {
            return known;
        }
        try {
            return Optional.of(link(slackUserId));
        } catch (PersonNotFound notFound) {
            return Optional.empty();
        }
    }

    /** Slack or Oktopost does not know the person; other reasons not to link are told as they are. */
    static final class PersonNotFound extends UserFacingException {
        PersonNotFound(String message) {
            super(message);
        }
    }

    public Optional<PersonLink> byOktopostUser(String oktopostUserId) {
        return links.findByOktopostUserId(oktopostUserId);
    }

    public List<PersonLink> byOktopostUsers(Collection<String> oktopostUserIds) {
        return oktopostUserIds.isEmpty() ? List.of() : links.findByOktopostUserIdIn(oktopostUserIds);
    }

    public List<PersonLink> all() {
        return links.findAll();
    }

    /** Links by the Slack profile's e-mail; tells the user, in words, why when it cannot. */
    public PersonLink link(String slackUserId) throws IOException, SlackApiException {
        SlackUser slackUser;
        try {
            slackUser = slackUsers.user(slackUserId);
        } catch (UserFacingException unknownToSlack) {
            throw new PersonNotFound(unknownToSlack.getMessage());
        }
        String email = slackUser.email();
        if (email == null || email.isBlank()) {
            throw new UserFacingException("Slack did not share your e-mail address with okto-slack, so I cannot find you in Oktopost. "
                    + "The app needs the users:read.email scope.");
        }
        Optional<User> user = oktopost.userByEmail(email);
        Optional<Advocate> advocate = oktopost.advocatesByEmail(email).stream().findFirst();
        if (user.isEmpty() && advocate.isEmpty()) {
            throw new PersonNotFound("No Oktopost user or advocate has the e-mail " + email
                    + ". Ask an Oktopost admin to invite you with that address, then run `/okto link` again.");
        }
        if (user.isPresent()) {
            Optional<PersonLink> taken = links.findByOktopostUserId(user.get().id());
            if (taken.isPresent() && !taken.get().slackUserId().equals(slackUserId)) {
                throw new UserFacingException("The Oktopost user " + email + " is already linked to <@"
                        + taken.get().slackUserId() + ">. They can run `/okto unlink` first.");
            }
        }
        boolean dmEnabled = links.findById(slackUserId).map(PersonLink::dmEnabled).orElse(true);
        PersonLink link = new PersonLink(slackUserId, email,
                user.map(User::id).orElse(null), user.map(User::name).orElse(null),
                advocate.map(Advocate::id).orElse(null), advocate.map(Advocate::name).orElse(null),
                dmEnabled, Instant.now(clock));
        if (links.existsById(slackUserId)) {
            links.update(link);
        } else {
            links.save(link);
        }
        return link;
    }

    /** Whether Oktopost gives the linked user the read-only role ({@code read}); unknown users count as read-only. */
    public boolean isReadOnly(PersonLink link) {
        if (!link.isOktopostUser()) {
            return true;
        }
        return oktopost.users().stream()
                .filter(u -> u.id().equals(link.oktopostUserId()))
                .findFirst()
                .map(u -> !u.canPublish())
                .orElse(true);
    }

    public boolean unlink(String slackUserId) {
        boolean existed = links.existsById(slackUserId);
        links.deleteById(slackUserId);
        return existed;
    }

    /** Whether approval cards also arrive as direct messages; false when the user is not linked. */
    public boolean setDmEnabled(String slackUserId, boolean enabled) {
        Optional<PersonLink> link = links.findById(slackUserId);
        link.ifPresent(l -> links.update(l.withDmEnabled(enabled)));
        return link.isPresent();
    }

    public static String describe(PersonLink link) {
        StringBuilder text = new StringBuilder("You are linked by ").append(link.email()).append(":\n");
        text.append(link.isOktopostUser()
                ? "• Oktopost user: " + link.oktopostUserName() + " (`" + link.oktopostUserId() + "`)\n"
                : "• no Oktopost user with this e-mail (approvals and scheduling need one)\n");
        text.append(link.isAdvocate()
                ? "• Advocate: " + link.advocateName() + " (`" + link.advocateId() + "`)\n"
                : "• not an advocate on the board (sharing stories needs one)\n");
        text.append("• Approval DMs: ").append(link.dmEnabled() ? "on" : "off").append(" (`/okto dm each|grouped|off`)");
        return text.toString();
    }
}
