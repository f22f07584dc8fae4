import type { ArticleText, Block } from '../../shared/editor/content';
import type { Lang } from '../../shared/languages';

/**
 * The demo edition's stories, written for Galley (any resemblance to real
 * depots, farms or streets is the resemblance of ordinary working life).
 * Each story exists in English and Spanish, paragraph for paragraph.
 */
export interface DemoArticle {
  title: string;
  section: string;
  text: Record<Lang, ArticleText>;
}

const p = (text: string): Block => ({ type: 'p', text });
const sub = (text: string): Block => ({ type: 'subhead', text });

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: 'Bus drivers end the split shift',
    section: 'Labour',
    text: {
      en: {
        headline: 'Bus drivers end the split shift',
        deck: 'Six weeks of meetings at the depot gate won what ten years of complaints did not',
        byline: 'Comrade at the North Depot',
        body: [
          p('For as long as most drivers at the North Depot can remember, a working day came in two pieces: four hours in the morning rush, an unpaid gap of three or four hours, then four more in the evening. Drivers who live far from the depot spent the gap in their cars or on the bench by the fuel pumps. Last Friday the transit authority agreed to phase the split shift out by the end of the year.'),
          p('The change did not come from a new manager or a kinder budget. It came from a meeting of eleven drivers in a break room in March, who decided that every driver on the roster should be asked one question: what would you give up to end the split?'),
          sub('A question on every roster'),
          p('Over six weeks the group spoke to 212 of the depot’s 240 drivers, on early and late turns, in English and Spanish. The answers were written on index cards and counted in public at a meeting by the depot gate. Most drivers said they would accept slightly longer straight shifts if the gap disappeared; almost none wanted more overtime.'),
          p('With the cards counted, the drivers put a single proposal to the authority: straight shifts of up to nine and a half hours, with a paid meal break, and no driver scheduled across a gap of more than forty-five minutes. When management called it unworkable, the group answered with a complete roster drawn up by two drivers who had once worked in scheduling.'),
          sub('What comes next'),
          p('The agreement is not finished work. The new rosters begin on the first routes in September, and the drivers’ committee will meet every two weeks to check them against what was promised. “We counted every card once,” said one of the eleven. “We can count them again.”'),
          p('Drivers at the South and Harbour depots have asked for copies of the index card. The committee is printing them.'),
        ],
      },
      es: {
        headline: 'Los choferes acaban con el turno partido',
        deck: 'Seis semanas de reuniones en la puerta del depósito lograron lo que diez años de quejas no consiguieron',
        byline: 'Compañero en el Depósito Norte',
        body: [
          p('Desde que la mayoría de los choferes del Depósito Norte tiene memoria, la jornada llegaba en dos pedazos: cuatro horas en la hora punta de la mañana, un hueco sin paga de tres o cuatro horas y luego otras cuatro por la tarde. Quienes viven lejos del depósito pasaban el hueco en el coche o en el banco junto a los surtidores. El viernes pasado, la autoridad de transporte aceptó eliminar el turno partido poco a poco antes de fin de año.'),
          p('El cambio no vino de un gerente nuevo ni de un presupuesto más generoso. Vino de una reunión de once choferes en una sala de descanso en marzo, que decidieron hacer una sola pregunta a cada chofer de la plantilla: ¿a qué renunciarías para acabar con el turno partido?'),
          sub('Una pregunta para toda la plantilla'),
          p('En seis semanas, el grupo habló con 212 de los 240 choferes del depósito, en los turnos de mañana y de tarde, en inglés y en español. Las respuestas se anotaron en fichas y se contaron en público en una reunión frente a la puerta del depósito. La mayoría dijo que aceptaría turnos seguidos algo más largos si desaparecía el hueco; casi nadie quería más horas extra.'),
          p('Con las fichas contadas, los choferes presentaron una sola propuesta a la autoridad: turnos seguidos de hasta nueve horas y media, con una pausa pagada para comer, y ningún chofer con un hueco de más de cuarenta y cinco minutos. Cuando la gerencia dijo que era imposible, el grupo respondió con un horario completo preparado por dos choferes que habían trabajado en planificación.'),
          sub('Lo que viene'),
          p('El acuerdo no es un trabajo terminado. Los nuevos horarios empiezan en las primeras rutas en septiembre, y el comité de choferes se reunirá cada dos semanas para compararlos con lo prometido. «Contamos cada ficha una vez», dijo uno de los once. «Podemos volver a contarlas».'),
          p('Los choferes de los depósitos Sur y del Puerto han pedido copias de la ficha. El comité las está imprimiendo.'),
        ],
      },
    },
  },
  {
    title: 'Coffee pickers demand honest scales',
    section: 'International',
    text: {
      en: {
        headline: 'Coffee pickers demand honest scales',
        deck: 'On farms near Santa Ana, workers paid by the pound say the weighing is where the wage is stolen',
        byline: 'Comrade in El Salvador',
        body: [
          p('The harvest on the slopes of the Santa Ana volcano starts before sunrise. Pickers strip the red cherries into baskets tied at the waist, empty them into sacks, and carry the sacks to a scale at the end of the row. What the scale says decides what a family eats that week.'),
          p('This season, pickers on three neighbouring farms began to weigh their sacks twice: once on the farm’s scale, and once on a small spring balance bought together with money from a collection. On the first day the difference was nearly a tenth of every sack.'),
          sub('Weighing together'),
          p('The pickers did not accuse anyone at first. They asked that one picker, chosen by the rest each morning, stand beside the foreman at the scale and write every weight down in a notebook of their own. Two of the farms agreed within a week. On the third the foreman refused, and forty pickers stopped work for an afternoon.'),
          p('By the next morning the notebook was beside that scale too. “Nobody is asking for a favour,” said a picker who has worked the same farm for nineteen harvests. “We are asking that a pound be a pound.”'),
          sub('Beyond the harvest'),
          p('The pickers want the notebook rule written into the contract for next season, together with drinking water at every row and a fixed rate published before the harvest begins. They have written to coffee workers on farms in Ahuachapán to compare rates, and the letters are being answered.'),
        ],
      },
      es: {
        headline: 'Los cortadores de café exigen básculas honradas',
        deck: 'En fincas cerca de Santa Ana, quienes cobran por libra dicen que el salario se roba en el pesaje',
        byline: 'Compañero en El Salvador',
        body: [
          p('La cosecha en las laderas del volcán de Santa Ana empieza antes del amanecer. Los cortadores arrancan las cerezas rojas a canastos atados a la cintura, los vacían en sacos y cargan los sacos hasta una báscula al final del surco. Lo que marca la báscula decide lo que come una familia esa semana.'),
          p('Esta temporada, los cortadores de tres fincas vecinas empezaron a pesar sus sacos dos veces: una en la báscula de la finca y otra en una pequeña romana comprada entre todos con el dinero de una colecta. El primer día, la diferencia fue de casi una décima parte de cada saco.'),
          sub('Pesar juntos'),
          p('Al principio no acusaron a nadie. Pidieron que un cortador, elegido cada mañana por los demás, estuviera junto al caporal en la báscula y anotara cada peso en un cuaderno propio. Dos de las fincas aceptaron en menos de una semana. En la tercera, el caporal se negó, y cuarenta cortadores pararon el trabajo una tarde.'),
          p('A la mañana siguiente, el cuaderno estaba también junto a esa báscula. «Nadie está pidiendo un favor», dijo una cortadora que ha trabajado diecinueve cosechas en la misma finca. «Pedimos que una libra sea una libra».'),
          sub('Más allá de la cosecha'),
          p('Los cortadores quieren que la regla del cuaderno quede escrita en el contrato de la próxima temporada, junto con agua potable en cada surco y una tarifa fija publicada antes de que empiece la cosecha. Han escrito a trabajadores del café de fincas de Ahuachapán para comparar tarifas, y las cartas están recibiendo respuesta.'),
        ],
      },
    },
  },
  {
    title: 'Neighbours stop an eviction on Maple Street',
    section: 'Housing',
    text: {
      en: {
        headline: 'Neighbours stop an eviction on Maple Street',
        deck: 'Forty tenants stood on the stairs of number 18, and the marshal left without the family’s furniture',
        byline: 'Correspondent of the Maple Street tenants’ committee',
        body: [
          p('At half past seven on Tuesday morning, a marshal arrived at 18 Maple Street with an order to remove a family of five from their second-floor flat. He found the stairwell already full. Forty tenants from the building and the two next to it stood on the stairs, drinking coffee from a flask passed hand to hand, and asked him to wait while the family’s lawyer made a phone call.'),
          p('The family fell two months behind on rent last winter, when the father’s hours at a warehouse were cut. They had paid back most of the debt. The landlord, a company that bought the building last year, filed for eviction anyway, and the tenants say it has done the same to four households since spring.'),
          sub('A telephone tree'),
          p('The committee was ready because it had practised. Since a meeting in April, every flat in the three buildings has a name on a telephone tree, and a message that begins with the word “stairs” means come now. On Tuesday the first call went out at ten to seven. By twenty past, the stairwell was full.'),
          p('The marshal left at a quarter to nine. That afternoon the family’s lawyer asked the court for a stay, pointing to the payments already made. The hearing is next month, and the committee has asked every tenant who can to come.'),
          sub('Not one building alone'),
          p('The committee says a single stairwell cannot hold off a company with a hundred buildings, and it is writing to tenants in the company’s other properties. Its next open meeting is on the first Thursday of the month, in the laundry room of number 22.'),
        ],
      },
      es: {
        headline: 'Los vecinos frenan un desalojo en la calle Maple',
        deck: 'Cuarenta inquilinos llenaron la escalera del número 18, y el alguacil se fue sin los muebles de la familia',
        byline: 'Corresponsal del comité de inquilinos de la calle Maple',
        body: [
          p('A las siete y media del martes, un alguacil llegó al número 18 de la calle Maple con una orden para sacar a una familia de cinco personas de su piso en la segunda planta. Encontró la escalera ya llena. Cuarenta inquilinos del edificio y de los dos de al lado estaban en los escalones, tomando café de un termo que pasaba de mano en mano, y le pidieron que esperara mientras el abogado de la familia hacía una llamada.'),
          p('La familia se atrasó dos meses en el alquiler el invierno pasado, cuando recortaron las horas del padre en un almacén. Ya había devuelto la mayor parte de la deuda. El propietario, una empresa que compró el edificio el año pasado, pidió el desalojo de todos modos, y los inquilinos dicen que ha hecho lo mismo con cuatro hogares desde la primavera.'),
          sub('Una cadena de llamadas'),
          p('El comité estaba listo porque lo había ensayado. Desde una reunión en abril, cada piso de los tres edificios tiene un nombre en una cadena de llamadas, y un mensaje que empieza con la palabra «escalera» quiere decir: ven ahora. El martes, la primera llamada salió a las siete menos diez. A las siete y veinte, la escalera estaba llena.'),
          p('El alguacil se fue a las nueve menos cuarto. Esa tarde, el abogado de la familia pidió al juzgado que suspendiera el desalojo, señalando los pagos ya hechos. La audiencia es el mes que viene, y el comité ha pedido que asistan todos los inquilinos que puedan.'),
          sub('Ningún edificio está solo'),
          p('El comité dice que una sola escalera no puede frenar a una empresa con cien edificios, y está escribiendo a los inquilinos de sus otras propiedades. Su próxima reunión abierta es el primer jueves del mes, en la lavandería del número 22.'),
        ],
      },
    },
  },
  {
    title: 'Why our ward votes on the rota',
    section: 'Opinion',
    text: {
      en: {
        headline: 'Why our ward votes on the rota',
        deck: 'Nurses on a night ward took the schedule into their own hands. The work did not get easier, but it got fairer',
        byline: 'A night nurse, for the ward collective',
        body: [
          p('Two years ago the rota on our ward was written by one person in an office we never saw. It arrived on a Friday for the whole month ahead. If you had a child’s school play, a second job or an exam, you asked for a favour, and favours went to the people who asked most often and most loudly.'),
          p('Now the rota is drafted by the three nurses who hold that task for the month, posted on the ward for a week, and changed at an open meeting at shift change. Anyone can object to a line. An objection has to come with a better line, and the meeting decides.'),
          sub('What it costs'),
          p('This is not free. The meeting takes forty minutes we would rather spend asleep, and the first months were hard. Some of us had never been asked to decide anything at work and did not trust it. Some were used to favours and missed them.'),
          p('But sick days on the ward have fallen, nobody has left for an agency in a year, and the hardest nights are now shared by everyone rather than by the newest and the quietest. We did not need a manager to be fair to us. We needed to see the whole rota at once and to have a say in it.'),
          sub('Try it where you work'),
          p('If your workplace has a schedule, it has a rota that somebody writes. Ask to see how it is made. Ask who holds that task and whether it could rotate. Then write to this paper and tell us what happened.'),
        ],
      },
      es: {
        headline: 'Por qué nuestra sala vota el cuadrante',
        deck: 'Las enfermeras de una sala de noche tomaron el horario en sus manos. El trabajo no se volvió más fácil, pero sí más justo',
        byline: 'Una enfermera de noche, por el colectivo de la sala',
        body: [
          p('Hace dos años, el cuadrante de nuestra sala lo escribía una persona en una oficina que nunca veíamos. Llegaba un viernes para todo el mes siguiente. Si tenías la función escolar de un hijo, un segundo trabajo o un examen, pedías un favor, y los favores iban a quienes pedían más a menudo y más alto.'),
          p('Ahora el cuadrante lo redactan las tres enfermeras que tienen esa tarea durante el mes, se cuelga en la sala una semana y se cambia en una reunión abierta en el cambio de turno. Cualquiera puede objetar una línea. Una objeción tiene que venir con una línea mejor, y la reunión decide.'),
          sub('Lo que cuesta'),
          p('Esto no sale gratis. La reunión nos quita cuarenta minutos que preferiríamos dormir, y los primeros meses fueron duros. Algunas nunca habíamos decidido nada en el trabajo y no nos fiábamos. Otras estaban acostumbradas a los favores y los echaban de menos.'),
          p('Pero las bajas por enfermedad en la sala han bajado, nadie se ha ido a una agencia en un año, y las noches más duras ahora las compartimos todas, no solo las más nuevas y las más calladas. No necesitábamos una jefa que fuera justa con nosotras. Necesitábamos ver el cuadrante entero de una vez y tener voz en él.'),
          sub('Pruébalo donde trabajas'),
          p('Si en tu trabajo hay un horario, hay un cuadrante que alguien escribe. Pide ver cómo se hace. Pregunta quién tiene esa tarea y si podría rotar. Luego escribe a este periódico y cuéntanos qué pasó.'),
        ],
      },
    },
  },
];
