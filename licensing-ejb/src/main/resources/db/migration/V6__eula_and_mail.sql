-- Agreements per feature, their acceptance, the mail outbox, and attempt counters that serve every
-- throttle (the guessing throttle's failed look-ups move here).

-- A version is never changed; the current version of a feature is the newest one already published.
CREATE TABLE eula_version (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    feature_number INT          NOT NULL,
    version        VARCHAR(32)  NOT NULL,
    published_at   DATETIME(6)  NOT NULL,
    title_ru       VARCHAR(200) NOT NULL,
    text_ru        MEDIUMTEXT   NOT NULL,
    title_en       VARCHAR(200) NOT NULL,
    text_en        MEDIUMTEXT   NOT NULL,
    CONSTRAINT eula_version_feature FOREIGN KEY (feature_number) REFERENCES feature (number),
    CONSTRAINT eula_version_label UNIQUE (feature_number, version),
    INDEX eula_version_published (feature_number, published_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who accepted which version, from which host and address; accepting again keeps the first record.
CREATE TABLE eula_acceptance (
    registration_id BIGINT       NOT NULL,
    eula_version_id BIGINT       NOT NULL,
    host_id         VARCHAR(128) NOT NULL,
    client_address  VARCHAR(45),
    accepted_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (registration_id, eula_version_id, host_id),
    CONSTRAINT eula_acceptance_registration FOREIGN KEY (registration_id) REFERENCES registration (id),
    CONSTRAINT eula_acceptance_version FOREIGN KEY (eula_version_id) REFERENCES eula_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Mails to send, written in the transaction of the change they report. Texts are composed when a
-- mail is sent, from the registration (welcome) or the registrations of the recipient (reminder).
-- A sender claims a row (claimed_by, claimed_until) before it sends, so two nodes never send it together.
CREATE TABLE mail_outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(32)  NOT NULL,
    recipient       VARCHAR(254) NOT NULL,
    language        VARCHAR(8)   NOT NULL,
    registration_id BIGINT,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6),
    claimed_by      VARCHAR(100),
    claimed_until   DATETIME(6),
    last_error      VARCHAR(500),
    created_at      DATETIME(6)  NOT NULL,
    finished_at     DATETIME(6),
    CONSTRAINT mail_outbox_registration FOREIGN KEY (registration_id) REFERENCES registration (id),
    CONSTRAINT mail_outbox_kind CHECK (kind IN ('WELCOME', 'REGISTRATION_REMINDER')),
    CONSTRAINT mail_outbox_status CHECK (status IN ('PENDING', 'SENT', 'SKIPPED', 'FAILED')),
    INDEX mail_outbox_due (status, next_attempt_at),
    INDEX mail_outbox_finished (finished_at),
    INDEX mail_outbox_recipient (recipient)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Attempts per bucket (what is counted), subject (a client address, a digest of an email) and minute.
CREATE TABLE attempt_counter (
    bucket   VARCHAR(32) NOT NULL,
    subject  VARCHAR(64) NOT NULL,
    minute   DATETIME    NOT NULL,
    attempts INT         NOT NULL,
    PRIMARY KEY (bucket, subject, minute),
    INDEX attempt_counter_minute (minute)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

INSERT INTO attempt_counter (bucket, subject, minute, attempts)
SELECT 'failed-lookup', client, minute, failures FROM failed_lookup;

DROP TABLE failed_lookup;

-- Our own sample agreement, clearly marked as a sample, for every feature counted per host (the
-- products whose PBX shows it). Staff publish the real text as a newer version.
INSERT INTO eula_version (feature_number, version, published_at, title_ru, text_ru, title_en, text_en)
SELECT number, '1.0', '2026-01-01 00:00:00',
'Лицензионное соглашение (образец)',
'ОБРАЗЕЦ. Этот текст служит примером для сервера лицензирования и не является действующим договором. Перед началом продаж опубликуйте вместо него собственное соглашение.

1. Стороны. Соглашение заключают правообладатель программы («Поставщик») и тот, кто её устанавливает или использует («Пользователь»).
2. Право использования. Поставщик разрешает Пользователю использовать программу на стольких хостах и в течение такого срока, как указано в его лицензии. Пробная лицензия действует только в течение своего срока.
3. Регистрационный номер. Номер и купоны принадлежат Пользователю; он не передаёт их третьим лицам и не пытается обойти проверку лицензии.
4. Сведения о хосте. Для проверки лицензии программа сообщает Поставщику регистрационный номер, идентификатор хоста, его имя, операционную систему и версию программы. Поставщик использует их только для лицензирования.
5. Без гарантий. Программа предоставляется в том виде, в каком она есть. Поставщик не отвечает за косвенные убытки в той мере, в какой это допускает закон.
6. Новые редакции. Поставщик может опубликовать новую редакцию соглашения; программа попросит принять её.
7. Принятие. Нажимая «Принимаю», Пользователь подтверждает, что прочитал соглашение и согласен с ним.',
'End-user license agreement (sample)',
'SAMPLE. This text is an example for the licensing server and is not a binding contract. Publish your own agreement in its place before you sell anything.

1. Parties. This agreement is made between the owner of the software (the "Vendor") and whoever installs or uses it (the "User").
2. Permission to use. The Vendor allows the User to run the software on as many hosts and for as long as the User''s license states. A trial license is valid for its term only.
3. Registration number. The registration number and coupons belong to the User, who does not pass them on to others and does not try to get around the license check.
4. Host details. To check the license, the software tells the Vendor the registration number, the host''s id and name, its operating system and the software version. The Vendor uses them for licensing only.
5. No warranty. The software is provided as it is. As far as the law allows, the Vendor is not liable for indirect losses.
6. New versions. The Vendor may publish a new version of this agreement; the software will then ask the User to accept it.
7. Acceptance. By clicking "Accept", the User confirms having read this agreement and agreeing to it.'
FROM feature WHERE counting_mode = 'PER_HOST';
