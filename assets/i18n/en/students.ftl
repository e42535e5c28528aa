## students: English, the source language. The student picker, where a student picks or types
## their name.

students-title = Who is reading today?
students-pick = Pick your name:
students-or-type = Or type a new name:
students-type-to-start = Type your name to start. Your work is saved on this computer under it.
students-name-label = Name:
students-start = Start
students-privacy = No passwords: on a shared laptop, pick your own name. Nothing leaves this computer.

## Why a name typed cannot be used (shown at the top of the window).

students-name-empty = Type a name first.
# $max: the longest name, in letters.
students-name-too-long = { $max ->
        [one] That name is too long ({ $max } letter at most).
       *[other] That name is too long ({ $max } letters at most).
    }
# $char: the character, as its code point ("U+200B").
students-name-invisible = A name cannot contain the invisible character { $char }.
