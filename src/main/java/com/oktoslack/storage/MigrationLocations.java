package com.oktoslack.storage;

import io.micronaut.context.annotation.Value;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Points Flyway at the migrations of the database in use (see {@link DatabaseVendor}). */
@Singleton
@Named("default")
class MigrationLocations implements FlywayConfigurationCustomizer {

    private final DatabaseVendor vendor;

    MigrationLocations(@Value("${datasources.default.url}") String url) {
        this.vendor = DatabaseVendor.of(url);
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.locations(vendor.migrationLocations().toArray(String[]::new));
    }

    @Override
    public String getName() {
        return "default";
    }
}
