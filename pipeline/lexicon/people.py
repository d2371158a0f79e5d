"""How news writes people's titles: honorifics, ranks and offices that stand before a name.

Entities cut them from names ("Mr Healey" is Healey), quotations read them in a speaker's
description ("the Defence Secretary said").
"""

from __future__ import annotations

from pipeline.wordlist import words

# Honorifics and ranks that stand before a name: "Mr Healey", "Sir Tony Radakin".
HONORIFICS = words(
    """Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Baroness
    Baron Rev Rev. Reverend Father Sister Brother Sheikh Rabbi Imam Pope Saint St St.
    Admiral Adm. General Gen. Colonel Col. Major Maj. Captain Capt. Lieutenant Lt. Sergeant Sgt.
    Corporal Cpl. Private Pte. Commander Cmdr. Marshal Brigadier Commodore Major-General
    Lieutenant-General Lieutenant-Colonel Vice-Admiral Rear-Admiral"""
)

# Offices that stand before a name: "President Macron", "Chancellor Rachel Reeves".
OFFICES = words(
    """President Vice-President Premier Chancellor Minister Secretary Senator Sen. Rep.
    Representative Congressman Congresswoman Governor Gov. Mayor Judge Justice King Queen Prince
    Princess Duke Duchess Earl Count Countess Emperor Empress Ambassador Archbishop Bishop
    Cardinal Speaker Deputy Chief Inspector Detective Superintendent Constable Officer Coach
    Manager Chairman Chairwoman Chair CEO Commissioner Councillor Cllr Director Leader Spokesman
    Spokeswoman Spokesperson Mx."""
)
