// Run by OmegaT (--script) on project events; on LOAD it acts as a translator would:
// revises one translation (with a note), translates a tagged segment, adds an alternative
// translation of one segment in its context, and saves project_save.tmx. OmegaT 3.6's
// console mode does not save the project by itself, and its saveProject() needs the GUI.
import org.omegat.core.Core
import org.omegat.core.data.PrepareTMXEntry
import org.omegat.core.data.TMXEntry

if (eventType.toString() != "LOAD") return
def project = Core.getProject()
def bySource = [:]
for (entry in project.getAllEntries()) bySource[entry.getSrcText()] = entry
def translate = { String source, String translation, boolean isDefault, String note ->
    def entry = bySource[source]
    if (entry == null) throw new IllegalStateException("no segment: " + source)
    def trans = new PrepareTMXEntry()
    trans.source = source
    trans.translation = translation
    trans.note = note
    project.setTranslation(entry, trans, isDefault, TMXEntry.ExternalLinked.xAUTO)
}
translate("Moscow and Tokyo have still not signed a peace treaty following the end of World War II.",
          "Москва и Токио так и не подписали мирный договор после окончания Второй мировой войны.", true, "revised by the desk")
translate("<b0>Vladivostok</b0> hosted the Eastern Economic Forum.",
          "<b0>Владивосток</b0> принял Восточный экономический форум.", true, null)
translate("Over the past decades Tokyo repeatedly stressed that a peace treaty with Moscow is linked to handing back control of the territories.",
          "Токио десятилетиями повторял, что мирный договор с Москвой связан с возвращением территорий.", false, null)

def projectTMX = org.omegat.core.data.RealProject.getDeclaredField("projectTMX")
projectTMX.setAccessible(true)
def properties = project.getProjectProperties()
projectTMX.get(project).save(properties, properties.getProjectInternal() + "project_save.tmx", true)
