package org.pbxlicensing.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Map;

/** The statement that adds poll counts to their hours. */
@ApplicationScoped
public class PollHourQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** One upsert for all the hours. */
    public void addPolls(Map<LocalDateTime, Long> counts) {
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
