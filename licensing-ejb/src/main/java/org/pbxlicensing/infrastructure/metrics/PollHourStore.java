package org.pbxlicensing.infrastructure.metrics;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Map;

/** Adds poll counts to their hours in one upsert (usually one row, two at the turn of an hour). */
@Stateless
public class PollHourStore {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    public void add(Map<LocalDateTime, Long> counts) {
        var rows = new ArrayList<String>();
        counts.forEach((hour, polls) -> rows.add("(?, ?)"));
        var upsert = em.createNativeQuery("INSERT INTO poll_hour (hour_start, polls) VALUES " + String.join(", ", rows)
                + " ON DUPLICATE KEY UPDATE polls = polls + VALUES(polls)");
        int parameter = 1;
        for (var count : counts.entrySet()) {
            upsert.setParameter(parameter++, count.getKey());
            upsert.setParameter(parameter++, count.getValue());
        }
        upsert.executeUpdate();
    }
}
