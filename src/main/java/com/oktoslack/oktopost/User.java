package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

/** An Oktopost user (someone who logs into the platform). Role is admin, publisher, contributor or read. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record User(String id,
                   String name,
                   @Nullable String email,
                   @Nullable String role,
                   @Nullable String timezone) {

    /** Oktopost's read-only role; a user without a role is taken as read-only too. */
    private static final String READ_ONLY_ROLE = "read";

    /** Whether the user may create posts, schedule them and send them for approval: any role but read-only. */
    @JsonIgnore
    public boolean canPublish() {
        return role != null && !role.isBlank() && !READ_ONLY_ROLE.equalsIgnoreCase(role.strip());
    }
}
