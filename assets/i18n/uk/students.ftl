## students: Ukrainian. The student picker (students are addressed with "ти").

students-title = Хто сьогодні читає?
students-pick = Вибери своє ім’я:
students-or-type = Або введи нове ім’я:
students-type-to-start = Введи своє ім’я, щоб почати. Під ним твоя робота зберігається на цьому комп’ютері.
students-name-label = Ім’я:
students-start = Почати
students-privacy = Без паролів: на спільному ноутбуці вибирай лише своє ім’я. Ніщо не виходить за межі цього комп’ютера.

## Why a name typed cannot be used

students-name-empty = Спершу введи ім’я.
students-name-too-long = { $max ->
        [one] Це ім’я задовге (щонайбільше { $max } літера).
        [few] Це ім’я задовге (щонайбільше { $max } літери).
       *[many] Це ім’я задовге (щонайбільше { $max } літер).
    }
students-name-invisible = Ім’я не може містити невидимий символ { $char }.
