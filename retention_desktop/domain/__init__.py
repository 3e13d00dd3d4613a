"""Pure lending logic: money, schedules, fees, regulation, pricing. No Qt, no database, no I/O."""
