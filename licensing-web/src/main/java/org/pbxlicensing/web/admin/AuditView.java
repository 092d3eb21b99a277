package org.pbxlicensing.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.audit.AuditEvent;
import org.pbxlicensing.service.admin.AuditSearch;
import org.primefaces.model.LazyDataModel;

/** The audit log, newest first, filtered by action, registration id and actor type. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditSearch audit;

    private String action;
    private Long registrationId;
    private ActorType actorType;
    private final LazyDataModel<AuditEvent> events = new PagedQuery<>(new PagedQuery.Source<>() {
        @Override
        public long count() {
            return audit.count(filter());
        }

        @Override
        public List<AuditEvent> page(int offset, int limit) {
            return audit.page(filter(), offset, limit);
        }
    }, AuditEvent::id);

    private AuditSearch.Filter filter() {
        return new AuditSearch.Filter(action, registrationId, actorType);
    }

    public LazyDataModel<AuditEvent> getEvents() {
        return events;
    }

    public ActorType[] getActorTypes() {
        return ActorType.values();
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public Long getRegistrationId() {
        return registrationId;
    }

    public void setRegistrationId(Long registrationId) {
        this.registrationId = registrationId;
    }

    public ActorType getActorType() {
        return actorType;
    }

    public void setActorType(ActorType actorType) {
        this.actorType = actorType;
    }
}
