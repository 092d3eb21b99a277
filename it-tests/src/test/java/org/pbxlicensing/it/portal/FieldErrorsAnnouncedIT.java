package org.pbxlicensing.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.SystemTest;

/**
 * A field the registration refused is announced as such to assistive technology: {@code aria-invalid} and
 * a description that is the error shown beside it; the summary at the top names the field. A field that is
 * right on the next submission loses both.
 */
@SystemTest
class FieldErrorsAnnouncedIT extends BrowserTest {

    @Test
    void refusedFieldsAreInvalidAndDescribedByTheirErrorUntilTheyAreRight() {
        browser.go("/register.xhtml");
        browser.type("registration:email", "not-an-email");
        browser.click("registration:submit");
        browser.waitForText("Неверный формат");
        browser.screenshot("register-errors-announced");

        for (String field : List.of("registration:company", "registration:contactPerson", "registration:email",
                "registration:consent")) {
            WebElement input = browser.driver().findElement(By.id(field));
            assertEquals("true", input.getDomAttribute("aria-invalid"), field + " is marked invalid");
            String describedBy = input.getDomAttribute("aria-describedby");
            assertTrue(describedBy != null && !describedBy.isBlank(), field + " is described by its error");
            String error = browser.driver().findElement(By.id(describedBy)).getText();
            assertTrue(!error.isBlank() && browser.text("messages").contains(error), field + ": " + error);
        }
        assertTrue(browser.text("messages").contains("Компания: Обязательное поле"), browser.text("messages"));

        browser.type("registration:company", "ООО Доступность");
        WebElement submit = browser.find("registration:submit");
        submit.click();
        browser.waitUntilGone(submit);
        browser.waitForText("Неверный формат");
        WebElement company = browser.driver().findElement(By.id("registration:company"));
        assertNull(company.getDomAttribute("aria-invalid"), "a field that is right is no longer invalid");
        assertNull(company.getDomAttribute("aria-describedby"), "nor described by an error");
        assertEquals("true", browser.driver().findElement(By.id("registration:email")).getDomAttribute("aria-invalid"));
    }
}
