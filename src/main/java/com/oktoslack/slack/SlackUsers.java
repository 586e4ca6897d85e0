package com.oktoslack.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import io.micronaut.cache.annotation.Cacheable;
import jakarta.inject.Singleton;

import java.io.IOException;

/** Slack user profiles (e-mail, time zone, admin and guest flags, workspace), cached for a few minutes. */
@Singleton
public class SlackUsers {

    private final MethodsClient slack;

    SlackUsers(MethodsClient slack) {
        this.slack = slack;
    }

    @Cacheable("slack-users")
    public SlackUser user(String userId) throws IOException, SlackApiException {
        UsersInfoResponse response = slack.usersInfo(r -> r.user(userId));
        if (!response.isOk() || response.getUser() == null) {
            throw new UserFacingException("Slack would not tell me about user <@" + userId + "> (" + response.getError() + ").");
        }
        User user = response.getUser();
        String email = user.getProfile() == null ? null : user.getProfile().getEmail();
        String name = user.getRealName() != null && !user.getRealName().isBlank() ? user.getRealName() : user.getName();
        return new SlackUser(user.getId(), email, name, user.getTz(), user.isAdmin() || user.isOwner(),
                user.isRestricted() || user.isUltraRestricted(), user.getTeamId());
    }

    /** How a mention of the user reads to people: their name, or the id when Slack will not say. */
    public String nameOr(String userId) {
        try {
            return user(userId).name();
        } catch (IOException | SlackApiException | RuntimeException e) {
            return userId;
        }
    }

    /** Workspace admins and owners may change app-wide settings such as channel routes. */
    public void requireAdmin(String userId, String what) throws IOException, SlackApiException {
        if (!user(userId).admin()) {
            throw new UserFacingException("Only Slack workspace admins can " + what + ".");
        }
    }
}
