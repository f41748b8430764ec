<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="55"/>
        <source>Departs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="55"/>
        <source>Lands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="75"/>
        <source>With the guide&apos;s usual length this phase would end between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddItemDialog</name>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="177"/>
        <source>Add a checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="181"/>
        <source>What to do or bring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="182"/>
        <source>&amp;What:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="186"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="187"/>
        <source>&amp;Stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="188"/>
        <source>Has a &amp;due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="193"/>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="198"/>
        <source>Due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="200"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="201"/>
        <source>&amp;Details:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../carte_planner/ui/agenda_model.py" line="59"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_model.py" line="59"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_model.py" line="59"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_model.py" line="59"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_model.py" line="63"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_model.py" line="63"/>
        <source>To do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_model.py" line="65"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_model.py" line="67"/>
        <source>Set by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_model.py" line="68"/>
        <source>Estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_model.py" line="85"/>
        <source>%1 (%2 days)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="117"/>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="121"/>
        <source>Details of the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="122"/>
        <source>&amp;Move to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="126"/>
        <source>New date for the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="128"/>
        <source>Set &amp;date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="129"/>
        <source>&amp;Back to plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="130"/>
        <source>Con&amp;firmed by the hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="203"/>
        <source>Select an item in the agenda, the calendar or the timeline to see what to do and bring, and to move its date or mark it confirmed by the hospital.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="219"/>
        <source>Value not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="225"/>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="230"/>
        <source>Move %1 back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="237"/>
        <source>Mark %1 as confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/agenda_view.py" line="237"/>
        <source>Mark %1 as estimated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../carte_planner/ui/palette.py" line="44"/>
        <source>Preparation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/palette.py" line="45"/>
        <source>Visa and papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/palette.py" line="46"/>
        <source>Flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/palette.py" line="47"/>
        <source>Accommodation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/palette.py" line="48"/>
        <source>Treatment phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/palette.py" line="49"/>
        <source>Milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/palette.py" line="50"/>
        <source>Outpatient visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/palette.py" line="51"/>
        <source>Follow-up at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/palette.py" line="52"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="95"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="95"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="95"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="146"/>
        <source>Overdue. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="149"/>
        <source>%1, overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="161"/>
        <source>Tick off %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="161"/>
        <source>Untick %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="166"/>
        <source>Note on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="234"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="247"/>
        <source>Details of the selected checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="248"/>
        <source>&amp;Add item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="249"/>
        <source>&amp;Remove item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="251"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="252"/>
        <source>Export P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="260"/>
        <source>Tick items as they get done; double-click a note to write one. Dates move with the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="292"/>
        <source>Restore removed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="325"/>
        <source>Select an item to see what it involves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="329"/>
        <source>Due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="343"/>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="354"/>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/checklist_panel.py" line="357"/>
        <source>Restore removed items</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../carte_planner/ui/legend.py" line="31"/>
        <source>Legend of colours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="117"/>
        <location filename="../../carte_planner/ui/main_window.py" line="208"/>
        <source>&amp;Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="118"/>
        <source>T&amp;imeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="120"/>
        <location filename="../../carte_planner/ui/main_window.py" line="214"/>
        <source>Chec&amp;klist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="123"/>
        <source>Calendar and timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="157"/>
        <source>Dates are estimates: change them to what your hospital says, and confirm every date with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="173"/>
        <source>&amp;New plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="174"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="175"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="176"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="178"/>
        <source>&amp;Export to calendar (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="181"/>
        <source>Save the journey as a calendar file for Thunderbird, Google, Apple, Outlook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="183"/>
        <source>&amp;Discreet titles in calendar exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="187"/>
        <source>Neutral titles such as &quot;Appointment&quot; for calendars that others can see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="189"/>
        <source>Include checklist &amp;items in calendar exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="192"/>
        <source>&amp;Print checklist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="193"/>
        <source>Export checklist &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="194"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="195"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="197"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="201"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="202"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="211"/>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="217"/>
        <source>&amp;Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="219"/>
        <source>&amp;Go to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="220"/>
        <source>Go to &amp;today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="221"/>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="222"/>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="223"/>
        <source>&amp;About Carte Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="224"/>
        <source>How to &amp;import the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="228"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="230"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="238"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="240"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="244"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="246"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="260"/>
        <source>Untitled plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="305"/>
        <source>Restore your plan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="307"/>
        <source>Carte Planner did not close properly last time. Restore the plan you were working on, as it was at %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="328"/>
        <source>Could not keep a safety copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="337"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="338"/>
        <source>This plan has changes that are not saved. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="356"/>
        <source>Open plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="365"/>
        <source>Could not open the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="366"/>
        <source>Your current plan is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="373"/>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="383"/>
        <source>Save plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="397"/>
        <source>Could not save the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="398"/>
        <source>Your plan is still open here: try another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="404"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="411"/>
        <source>Export to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="411"/>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="432"/>
        <source>Could not export the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="436"/>
        <source>Calendar saved to %1. Import it into your calendar app (Help ▸ How to import the calendar).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="452"/>
        <source>Checklist saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="487"/>
        <source>About Carte Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="489"/>
        <source>&lt;h3&gt;Carte Planner %1&lt;/h3&gt;&lt;p&gt;Plans the logistics of a CAR-T therapy journey to a hospital in China: preparation, travel, stay, treatment phases and follow-up.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The dates are estimates.&lt;/b&gt; They come from the usual ranges of a patient guide and from assumptions you can change. The hospital&apos;s own schedule always comes first: confirm every date with the treating team. Carte Planner gives no medical advice.&lt;/p&gt;&lt;p&gt;Your plans stay on this computer; nothing leaves it unless you export it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="502"/>
        <source>How to import the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/main_window.py" line="504"/>
        <source>&lt;p&gt;Export with File ▸ Export to calendar, then:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Thunderbird:&lt;/b&gt; File ▸ Open ▸ Calendar File…&lt;/li&gt;&lt;li&gt;&lt;b&gt;Google Calendar:&lt;/b&gt; Settings ▸ Import &amp;amp; export ▸ Import.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Apple Calendar:&lt;/b&gt; File ▸ Import…&lt;/li&gt;&lt;li&gt;&lt;b&gt;Outlook:&lt;/b&gt; File ▸ Open &amp;amp; Export ▸ Import/Export ▸ iCalendar (.ics).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;After a change, export again and import into the same calendar: the events are updated, not duplicated. Google Calendar may keep old versions: there, import into a fresh calendar.&lt;/p&gt;&lt;p&gt;Some apps ignore imported reminders; the deadlines are also in the agenda here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <location filename="../../carte_planner/ui/month_view.py" line="59"/>
        <source>Month calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/month_view.py" line="212"/>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthPage</name>
    <message>
        <location filename="../../carte_planner/ui/month_view.py" line="313"/>
        <source>Previous month (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/month_view.py" line="314"/>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/month_view.py" line="317"/>
        <source>Next month (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/month_view.py" line="318"/>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestPanel</name>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="177"/>
        <source>&amp;Trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="184"/>
        <source>First hospital day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="185"/>
        <source>The first day at the hospital: screening begins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="186"/>
        <source>First &amp;hospital day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="192"/>
        <source>Hospital city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="193"/>
        <source>Hospital &amp;city:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="196"/>
        <source>Shortest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="197"/>
        <source>Typical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="198"/>
        <source>Longest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="199"/>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="200"/>
        <source>Which end of the usual ranges to plan the phases with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="201"/>
        <source>&amp;Scenario:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="204"/>
        <source>T&amp;ravel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="208"/>
        <source>Home time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="209"/>
        <source>Home time &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="212"/>
        <source>e.g. JFK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="213"/>
        <source>Home airport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="214"/>
        <source>Home &amp;airport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="219"/>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="221"/>
        <source>Flight length in hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="222"/>
        <source>&amp;Flight length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="225"/>
        <source>Outbound departure time, home time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="226"/>
        <source>&amp;Departure (home time):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="229"/>
        <location filename="../../carte_planner/ui/request_panel.py" line="243"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="231"/>
        <source>Days to arrive before the first hospital day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="232"/>
        <source>Arrive &amp;early by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="233"/>
        <source>Go home during cell &amp;manufacturing
(only if your hospital agrees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="234"/>
        <source>Go home during cell manufacturing, only if your hospital agrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="237"/>
        <source>Names, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="238"/>
        <source>Travellers, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="239"/>
        <source>The patient and each companion, 1 to 6 people, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="240"/>
        <source>Tra&amp;vellers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="245"/>
        <source>Visa&apos;s permitted stay per entry in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="246"/>
        <source>Visa&apos;s permitted &amp;stay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="249"/>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="251"/>
        <source>Years of follow-up at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="252"/>
        <source>Follow-&amp;up at home:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="255"/>
        <source>Treatment &amp;phases (ask your hospital)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="261"/>
        <source>H&amp;ospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="265"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="265"/>
        <source>Hospital name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="266"/>
        <source>Name in Chinese:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="266"/>
        <source>Hospital name in Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="267"/>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="267"/>
        <source>Hospital address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="268"/>
        <source>Address in Chinese:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="268"/>
        <source>Hospital address in Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="269"/>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="269"/>
        <source>Hospital phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="281"/>
        <source>Change first hospital day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="286"/>
        <source>Change scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="292"/>
        <source>Change home airport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="296"/>
        <source>Change flight length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="300"/>
        <source>Change departure time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="304"/>
        <source>Change arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="307"/>
        <source>Change going home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="311"/>
        <source>Change visa stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="314"/>
        <source>Change follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="327"/>
        <source>Value not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="328"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="336"/>
        <source>Change hospital details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="341"/>
        <location filename="../../carte_planner/ui/request_panel.py" line="351"/>
        <source>Change city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="357"/>
        <source>Change home time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="363"/>
        <source>Change travellers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryBar</name>
    <message>
        <location filename="../../carte_planner/ui/summary_bar.py" line="67"/>
        <source>Summary of the journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/summary_bar.py" line="70"/>
        <source>Warnings and things to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/summary_bar.py" line="83"/>
        <source>shortest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/summary_bar.py" line="83"/>
        <source>typical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/summary_bar.py" line="83"/>
        <source>longest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/summary_bar.py" line="87"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/summary_bar.py" line="90"/>
        <source>First hospital day &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/summary_bar.py" line="91"/>
        <source>Day 0 (infusion) &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/summary_bar.py" line="92"/>
        <source>Fit-to-fly check about &lt;b&gt;%1&lt;/b&gt; (between %2 and %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/summary_bar.py" line="96"/>
        <source>%1 days in China, %2 in hospital, %3 weeks from the first hospital day to the check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="19"/>
        <source>Preparation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="20"/>
        <source>Travel and stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="22"/>
        <source>Treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="25"/>
        <source>Follow-up at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="53"/>
        <source>Timeline of the journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="236"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="237"/>
        <source>Day 0</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="297"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="300"/>
        <source>Zoom out (Ctrl+minus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="301"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="304"/>
        <source>Zoom in (Ctrl+plus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="305"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="307"/>
        <source>Fit the trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="308"/>
        <source>Fit the trip to the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/timeline_view.py" line="310"/>
        <source>Lighter bands: the shortest to the longest usual length of each phase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../carte_planner/ui/app.py" line="73"/>
        <source>Carte Planner cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="102"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="104"/>
        <source>Length of %1 in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="107"/>
        <source>usual %1–%2 days (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="113"/>
        <source>Confirmed by the hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="114"/>
        <source>%1 confirmed by the hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="117"/>
        <source>Back to the scenario&apos;s length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="118"/>
        <source>Reset %1 to the scenario&apos;s length</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../carte_planner/ui/printing.py" line="168"/>
        <source>Print checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/printing.py" line="178"/>
        <source>Export checklist PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/printing.py" line="187"/>
        <source>Could not export the PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.panel</name>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="131"/>
        <source>Change length of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="136"/>
        <source>Reset phase length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="141"/>
        <source>Mark phase as confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="141"/>
        <source>Mark phase as estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="154"/>
        <source>usual %1–%2 days (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../carte_planner/ui/request_panel.py" line="163"/>
        <source>Outside the guide&apos;s usual range: kept as you set it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
