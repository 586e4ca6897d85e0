package com.oktoslack.people;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface PersonLinkRepository extends CrudRepository<PersonLink, String> {

    Optional<PersonLink> findByOktopostUserId(String oktopostUserId);

    List<PersonLink> findByOktopostUserIdIn(Collection<String> oktopostUserIds);
}
