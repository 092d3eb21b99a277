-- The catalogue names each feature in Russian too; Russian pages show name_ru where there is one.
-- Brands (Askozia PBX, Askozia CFE) read the same in both languages and keep it empty.
ALTER TABLE feature ADD COLUMN name_ru VARCHAR(100) NULL AFTER name;

UPDATE feature SET name_ru = 'Журнал звонков' WHERE number = 31 AND name = 'Call log';
UPDATE feature SET name_ru = 'Умная маршрутизация' WHERE number = 32 AND name = 'Smart routing';
UPDATE feature SET name_ru = 'Панель телефонии для CRM (сеансы)'
    WHERE number = 46 AND name = 'CRM telephony panel (sessions)';
UPDATE feature SET name_ru = 'Панель телефонии для CRM, расширенная (сеансы)'
    WHERE number = 47 AND name = 'CRM telephony panel, extended (sessions)';
