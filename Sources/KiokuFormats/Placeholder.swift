import KiokuText
