## summary: Ukrainian

summary-heading = { $title }: підсумок
summary-exam = Це контрольна: учитель оцінить її за файлом, який ти здаси.
summary-review = Що повторити
summary-nothing-to-review = Нічого: усі фрагменти ключа знайдено.
summary-hand-in =
    Здати
    .hover = Зберегти файл із результатами в { $folder }
summary-hand-in-as = Здати як…
summary-back-to-lesson = Назад до уроку
summary-back-to-lessons = Назад до уроків
summary-handed-in = Здано: твої результати збережено як { $file }. Передай цей файл учителю.
summary-hand-in-failed = Не вдалося здати в { $file }: { $reason }
