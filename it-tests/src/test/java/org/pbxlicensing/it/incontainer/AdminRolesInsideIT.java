package org.pbxlicensing.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.FeatureDraft;
import org.pbxlicensing.domain.coupon.CouponTerms;
import org.pbxlicensing.domain.eula.EulaDraft;
import org.pbxlicensing.domain.eula.EulaText;
import org.pbxlicensing.domain.mail.MailKind;
import org.pbxlicensing.service.admin.BindingSearch;
import org.pbxlicensing.service.admin.CouponAdmin;
import org.pbxlicensing.service.admin.Dashboard;
import org.pbxlicensing.service.admin.EulaAdmin;
import org.pbxlicensing.service.admin.FeatureAdmin;
import org.pbxlicensing.service.admin.RegistrationAdmin;
import org.pbxlicensing.service.staff.StaffDirectory;

/** The admin services themselves refuse a caller without a staff role, whatever page or request called them. */
@ExtendWith(ArquillianExtension.class)
class AdminRolesInsideIT {

    private static final Actor NOBODY = new Actor(ActorType.ADMIN, "nobody", "127.0.0.1");

    @Deployment
    static WebArchive probe() {
        return InsideTheServer.probe("admin-roles-probe", AdminRolesInsideIT.class);
    }

    @Test
    void writesNeedTheirRole() {
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(RegistrationAdmin.class)
                .resetBinding(1, "host", "reason", NOBODY));
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(CouponAdmin.class)
                .mint(new CouponTerms(33, 1, null), 1, "note", NOBODY));
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(RegistrationAdmin.class)
                .grantLicense(1, 33, 1, null, "reason", NOBODY));
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(RegistrationAdmin.class)
                .grantReset(1, "reason", NOBODY));
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(FeatureAdmin.class)
                .save(new FeatureDraft(33, "Renamed", CountingMode.PER_HOST, 30, 1), NOBODY));
        var text = new EulaText("title", "text");
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(EulaAdmin.class)
                .publish(new EulaDraft(33, "9.9", text, text), NOBODY));
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(RegistrationAdmin.class)
                .resendMail(1, MailKind.WELCOME, NOBODY));
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(RegistrationAdmin.class)
                .dropSession(1, 1, "reason", NOBODY));
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(RegistrationAdmin.class)
                .dropHolder(1, "install", "2222222222222222", "reason", NOBODY));
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(RegistrationAdmin.class)
                .answerOffline(1, new byte[] {'{', '}'}, NOBODY));
    }

    @Test
    void evenReadsNeedAStaffRole() {
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(Dashboard.class).counts());
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(StaffDirectory.class).all());
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(BindingSearch.class).count("host"));
        assertThrows(EJBAccessException.class, () -> InsideTheServer.bean(FeatureAdmin.class).count());
    }
}
