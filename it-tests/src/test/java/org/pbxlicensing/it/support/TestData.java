package org.pbxlicensing.it.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies with unique data, so tests never collide with each other's rows. */
public final class TestData {

    private TestData() {
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 12);
    }

    /** A valid registration form of a new company with a new email. */
    public static Map<String, Object> registrationForm() {
        String id = unique();
        var form = new HashMap<String, Object>();
        form.put("company", "ООО Тест " + id);
        form.put("contactPerson", "Иван Петров");
        form.put("email", "buyer-" + id + "@example.com");
        form.put("phone", "+7 (495) 123-45-67");
        form.put("taxId", "7701234567");
        form.put("country", "RU");
        form.put("city", "Москва");
        form.put("consent", true);
        return form;
    }
}
