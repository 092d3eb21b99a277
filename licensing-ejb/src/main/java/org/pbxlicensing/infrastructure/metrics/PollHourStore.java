package org.pbxlicensing.infrastructure.metrics;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.Map;

/** Adds poll counts to their hours in one upsert (usually one row, two at the turn of an hour). */
@Stateless
public class PollHourStore {

    @Inject
    PollHourQueries queries;

    public void add(Map<LocalDateTime, Long> counts) {
        queries.addPolls(counts);
    }
}
