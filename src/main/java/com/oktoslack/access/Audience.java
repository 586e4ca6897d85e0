package com.oktoslack.access;

import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.SlackUser;
import com.oktoslack.slack.SlackUsers;
import com.oktoslack.slack.UserFacingException;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Who may see and do what, in one place (the README's table says the same). Slack guests and people of
 * another workspace get nothing at all ({@link OutsiderGate} asks {@link #outsider}). Oktopost content is only
 * for people linked to an Oktopost user or advocate, within their Oktopost role; posting into a channel needs
 * an Oktopost user who is not read-only, or a workspace admin. Each check that fails throws a
 * {@link UserFacingException} whose message is the polite refusal.
 */
@Singleton
public class Audience {

    private static final Logger LOG = LoggerFactory.getLogger(Audience.class);

    static final String OUTSIDERS = "Sorry, okto-slack is only for members of this workspace; guests and people from "
            + "other organisations cannot use it.";
    static final String UNKNOWN = "Oktopost content is only shown to people Oktopost knows, and I cannot find you by "
            + "your Slack e-mail. Ask an Oktopost admin to invite you with that address, then run `/okto link`.";

    private final SlackUsers slackUsers;
    private final People people;
    private final MethodsClient slack;
    private volatile @Nullable String ownTeamId;

    Audience(SlackUsers slackUsers, People people, MethodsClient slack) {
        this.slackUsers = slackUsers;
        this.people = people;
        this.slack = slack;
    }

    /** The refusal for a guest or a user of another workspace; empty for a member (or when Slack will not say). */
    Optional<String> outsider(String slackUserId) {
        SlackUser user;
        try {
            user = slackUsers.user(slackUserId);
        } catch (Exception e) {
            // What Oktopost content needs is still checked by the feature, against the person's link.
            LOG.debug("Slack did not describe {}; the features' own checks apply", slackUserId, e);
            return Optional.empty();
        }
        String team = ownTeamId();
        boolean otherWorkspace = team != null && user.teamId() != null && !team.equals(user.teamId());
        return user.guest() || otherWorkspace ? Optional.of(OUTSIDERS) : Optional.empty();
    }

    /** A person linked to an Oktopost user: posts, pending approvals, digests. */
    public PersonLink oktopostUser(String slackUserId, String what) throws Exception {
        PersonLink link = linked(slackUserId);
        if (!link.isOktopostUser()) {
            throw new UserFacingException("You are linked to Oktopost as an advocate only (" + link.email() + "); "
                    + what + " is for Oktopost users.");
        }
        return link;
    }

    /** A person linked to an Oktopost user or an advocate: the advocacy board's stories. */
    public PersonLink boardReader(String slackUserId) throws Exception {
        return linked(slackUserId);
    }

    /**
     * Someone who may post Oktopost content into a channel for everyone there: a workspace admin, or an
     * Oktopost user who is not read-only.
     */
    public void channelPoster(String slackUserId) throws Exception {
        if (slackUsers.user(slackUserId).admin()) {
            return;
        }
        PersonLink link = linked(slackUserId);
        if (!link.isOktopostUser() || people.isReadOnly(link)) {
            throw new UserFacingException("Posting a digest into a channel needs an Oktopost user who is not read-only, "
                    + "or a Slack workspace admin.");
        }
    }

    private PersonLink linked(String slackUserId) throws Exception {
        return people.linkOrDiscover(slackUserId).orElseThrow(() -> new UserFacingException(UNKNOWN));
    }

    /** This app's workspace, as auth.test names it; asked once. */
    private @Nullable String ownTeamId() {
        String team = ownTeamId;
        if (team == null) {
            try {
                AuthTestResponse response = slack.authTest(r -> r);
                if (response.isOk()) {
                    team = response.getTeamId();
                    ownTeamId = team;
                }
            } catch (Exception e) {
                LOG.warn("Slack's auth.test failed; users of other workspaces are recognised once it answers: {}", e.toString());
            }
        }
        return team;
    }
}
